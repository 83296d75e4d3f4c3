import { SearchX } from 'lucide-react'
import { Link } from 'react-router'

import { EmptyState } from '@/components/empty-state'
import { buttonVariants } from '@/components/ui/button'

export function NotFoundPage() {
  return (
    <EmptyState icon={SearchX} title="There is no page here">
      <p className="mb-4">The link may be mistyped, or from an older Custos.</p>
      <Link to="/" className={buttonVariants({ variant: 'outline' })}>
        Go to your wallets
      </Link>
    </EmptyState>
  )
}
