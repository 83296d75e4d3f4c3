import { Type, type Static } from 'typebox'

import type { Chain } from '../../shared/chains.js'

/** A chain as callers see it: never its RPC URL, which may hold a key. */
export const ChainViewSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  nativeCurrency: Type.Object({
    name: Type.String(),
    symbol: Type.String(),
    decimals: Type.Integer(),
  }),
  explorerUrl: Type.Union([Type.String(), Type.Null()]),
  confirmations: Type.Integer({
    description: 'Blocks on top of a transaction before it counts as final',
  }),
})

export const ChainIdQuerySchema = Type.Object(
  {
    chainId: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'Defaults to the first configured chain',
      }),
    ),
  },
  { additionalProperties: false },
)

export function toChainView(chain: Chain): Static<typeof ChainViewSchema> {
  return {
    id: chain.id,
    name: chain.name,
    nativeCurrency: chain.nativeCurrency,
    explorerUrl: chain.explorerUrl ?? null,
    confirmations: chain.confirmations,
  }
}
