import type { paths } from './api-schema'

type JsonOf<Response> = Response extends {
  content: { 'application/json': infer Body }
}
  ? Body
  : never

/** The JSON body of a route's answer with `status`. */
export type ResponseBody<
  Path extends keyof paths,
  Method extends keyof paths[Path],
  Status extends number = 200,
> = paths[Path][Method] extends { responses: infer Responses }
  ? Status extends keyof Responses
    ? JsonOf<Responses[Status]>
    : never
  : never

/** The JSON body a route takes. */
export type RequestBody<
  Path extends keyof paths,
  Method extends keyof paths[Path],
> = paths[Path][Method] extends {
  requestBody?: { content: { 'application/json': infer Body } }
}
  ? Body
  : never

export type ClientConfig = ResponseBody<'/v1/config', 'get'>
export type User = ResponseBody<'/v1/me', 'get'>
export type Wallet = ResponseBody<'/v1/wallets/{id}', 'patch'>
export type WalletPage = ResponseBody<'/v1/wallets', 'get'>
export type WalletWithAccounts = ResponseBody<'/v1/wallets/{id}', 'get'>
export type Account = ResponseBody<'/v1/accounts/{id}', 'get'>
export type Balance = ResponseBody<'/v1/accounts/{id}/balance', 'get'>
export type Chain = ResponseBody<'/v1/chains', 'get'>['data'][number]
export type Transaction = ResponseBody<'/v1/transactions/{id}', 'get'>
export type TransactionPage = ResponseBody<
  '/v1/accounts/{id}/transactions',
  'get'
>
export type SendRequest = RequestBody<'/v1/accounts/{id}/transactions', 'post'>
export type Estimate = ResponseBody<
  '/v1/accounts/{id}/transactions/estimate',
  'post'
>
export type ApiKey = ResponseBody<'/v1/api-keys/{id}', 'delete'>
export type NewApiKey = ResponseBody<'/v1/api-keys', 'post', 201>
export type TypedDataRequest = RequestBody<
  '/v1/accounts/{id}/sign-typed-data',
  'post'
>
export type Signature = ResponseBody<'/v1/accounts/{id}/sign-message', 'post'>
