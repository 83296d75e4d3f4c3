import { PageHeader } from '@/components/page-header'
import { Card, CardContent } from '@/components/ui/card'

import { CreateWalletForm } from './create-wallet-form'
import { WalletList } from './wallet-list'

export function WalletsPage() {
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Wallets"
        description="Each wallet is a seed kept by Custos, with Ethereum accounts derived from it."
      />
      <Card>
        <CardContent>
          <CreateWalletForm />
        </CardContent>
      </Card>
      <WalletList />
    </div>
  )
}
