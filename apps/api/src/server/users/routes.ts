import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'

import type { Database } from '../../shared/db/client.js'
import { authenticatedErrors, Timestamp } from '../http/schemas.js'
import { principalOf } from '../plugins/authenticate.js'
import { getUser } from './user-service.js'

export const UserSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  issuer: Type.String({ description: 'Who signed the user in' }),
  subject: Type.String({ description: "The issuer's id for the user" }),
  email: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
})

const userRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (
  app,
  { db },
) => {
  app.get(
    '/v1/me',
    {
      schema: {
        tags: ['users'],
        summary: 'The signed-in user',
        response: { 200: UserSchema, ...authenticatedErrors },
      },
    },
    async (request) => {
      const user = await getUser(db, principalOf(request).userId)
      return { ...user, createdAt: user.createdAt.toISOString() }
    },
  )
}

export default userRoutes
