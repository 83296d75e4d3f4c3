/**
 * The API's contract, generated from its OpenAPI document by
 * `npm run api-types --workspace apps/web`. Do not edit by hand.
 */
export interface paths {
  '/healthz': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The process is alive */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ok'
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/readyz': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** PostgreSQL and Redis answer and migrations are applied */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ready'
              checks: {
                database: 'ok' | 'failed'
                migrations: 'ok' | 'failed'
                redis: 'ok' | 'failed'
              }
            }
          }
        }
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            } & {
              checks: {
                database: 'ok' | 'failed'
                migrations: 'ok' | 'failed'
                redis: 'ok' | 'failed'
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/config': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** How to sign in, and which development features are on */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              auth: {
                dynamicEnvironmentId: string | null
                devIssuer: boolean
              }
              devFaucet: boolean
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/.well-known/jwks.json': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The development issuer's public keys */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              keys: {
                kty: string
                kid: string
                alg: string
                use: string
                n: string
                e: string
              }[]
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/auth/dev-token': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Sign in as anyone (development only) */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            sub: string
            /** Format: email */
            email?: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              token: string
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/me': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The signed-in user */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: uuid */
              id: string
              /** @description Who signed the user in */
              issuer: string
              /** @description The issuer's id for the user */
              subject: string
              email: string | null
              /** Format: date-time */
              createdAt: string
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/api-keys': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The user's API keys, newest first; never the secrets */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                id: string
                name: string
                /** @description The start of the key, to recognise it */
                prefix: string
                /** Format: date-time */
                createdAt: string
                lastUsedAt: string | null
                revokedAt: string | null
              }[]
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    put?: never
    /**
     * Create an API key; the key is shown once
     * @description Needs a signed-in user: an API key cannot make more keys, so a leaked key cannot outlive its own revocation.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            name: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: uuid */
              id: string
              name: string
              /** @description The start of the key, to recognise it */
              prefix: string
              /** Format: date-time */
              createdAt: string
              lastUsedAt: string | null
              revokedAt: string | null
            } & {
              /** @description The key itself. It is shown only in this response. */
              key: string
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/api-keys/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /** Revoke an API key; it stops working at once */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: uuid */
              id: string
              name: string
              /** @description The start of the key, to recognise it */
              prefix: string
              /** Format: date-time */
              createdAt: string
              lastUsedAt: string | null
              revokedAt: string | null
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/wallets': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The user's wallets, newest first */
    get: {
      parameters: {
        query: {
          limit: number
          /** @description nextCursor of the previous page */
          cursor?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                id: string
                name: string
                /** @description pending until a signer has done the work */
                status: 'pending' | 'ready' | 'failed'
                errorCode: string | null
                /** Format: date-time */
                createdAt: string
                /** Format: date-time */
                updatedAt: string
              }[]
              /** @description Pass as cursor for the next page; null on the last */
              nextCursor: string | null
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    put?: never
    /** Create a wallet; a signer makes its seed and account 0 */
    post: {
      parameters: {
        query?: never
        header?: {
          /** @description Makes a retry safe: a repeat with the same key and body returns the first answer and creates nothing */
          'idempotency-key'?: string
        }
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            name: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: uuid */
              id: string
              name: string
              /** @description pending until a signer has done the work */
              status: 'pending' | 'ready' | 'failed'
              errorCode: string | null
              /** Format: date-time */
              createdAt: string
              /** Format: date-time */
              updatedAt: string
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/wallets/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A wallet with its accounts */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: uuid */
              id: string
              name: string
              /** @description pending until a signer has done the work */
              status: 'pending' | 'ready' | 'failed'
              errorCode: string | null
              /** Format: date-time */
              createdAt: string
              /** Format: date-time */
              updatedAt: string
            } & {
              accounts: {
                /** Format: uuid */
                id: string
                /** Format: uuid */
                walletId: string
                index: number
                /** @description BIP-44 path, m/44'/60'/0'/0/<index> */
                path: string
                name: string | null
                /** @description pending until a signer has done the work */
                status: 'pending' | 'ready' | 'failed'
                /** @description EIP-55 checksummed; null until ready */
                address: string | null
                errorCode: string | null
                /** Format: date-time */
                createdAt: string
                /** Format: date-time */
                updatedAt: string
              }[]
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /** Rename a wallet */
    patch: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            name: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: uuid */
              id: string
              name: string
              /** @description pending until a signer has done the work */
              status: 'pending' | 'ready' | 'failed'
              errorCode: string | null
              /** Format: date-time */
              createdAt: string
              /** Format: date-time */
              updatedAt: string
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    trace?: never
  }
  '/v1/wallets/{id}/accounts': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A wallet's accounts, by index */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                id: string
                /** Format: uuid */
                walletId: string
                index: number
                /** @description BIP-44 path, m/44'/60'/0'/0/<index> */
                path: string
                name: string | null
                /** @description pending until a signer has done the work */
                status: 'pending' | 'ready' | 'failed'
                /** @description EIP-55 checksummed; null until ready */
                address: string | null
                errorCode: string | null
                /** Format: date-time */
                createdAt: string
                /** Format: date-time */
                updatedAt: string
              }[]
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    put?: never
    /** Derive the next account of a ready wallet */
    post: {
      parameters: {
        query?: never
        header?: {
          /** @description Makes a retry safe: a repeat with the same key and body returns the first answer and creates nothing */
          'idempotency-key'?: string
        }
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            name?: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: uuid */
              id: string
              /** Format: uuid */
              walletId: string
              index: number
              /** @description BIP-44 path, m/44'/60'/0'/0/<index> */
              path: string
              name: string | null
              /** @description pending until a signer has done the work */
              status: 'pending' | 'ready' | 'failed'
              /** @description EIP-55 checksummed; null until ready */
              address: string | null
              errorCode: string | null
              /** Format: date-time */
              createdAt: string
              /** Format: date-time */
              updatedAt: string
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/wallets/{id}/accounts/batch': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Derive the next accounts of a ready wallet, in one job */
    post: {
      parameters: {
        query?: never
        header?: {
          /** @description Makes a retry safe: a repeat with the same key and body returns the first answer and creates nothing */
          'idempotency-key'?: string
        }
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description How many accounts, at consecutive indices */
            count: number
          }
        }
      }
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                id: string
                /** Format: uuid */
                walletId: string
                index: number
                /** @description BIP-44 path, m/44'/60'/0'/0/<index> */
                path: string
                name: string | null
                /** @description pending until a signer has done the work */
                status: 'pending' | 'ready' | 'failed'
                /** @description EIP-55 checksummed; null until ready */
                address: string | null
                errorCode: string | null
                /** Format: date-time */
                createdAt: string
                /** Format: date-time */
                updatedAt: string
              }[]
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/accounts/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** An account */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: uuid */
              id: string
              /** Format: uuid */
              walletId: string
              index: number
              /** @description BIP-44 path, m/44'/60'/0'/0/<index> */
              path: string
              name: string | null
              /** @description pending until a signer has done the work */
              status: 'pending' | 'ready' | 'failed'
              /** @description EIP-55 checksummed; null until ready */
              address: string | null
              errorCode: string | null
              /** Format: date-time */
              createdAt: string
              /** Format: date-time */
              updatedAt: string
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /** Rename an account */
    patch: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            name: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: uuid */
              id: string
              /** Format: uuid */
              walletId: string
              index: number
              /** @description BIP-44 path, m/44'/60'/0'/0/<index> */
              path: string
              name: string | null
              /** @description pending until a signer has done the work */
              status: 'pending' | 'ready' | 'failed'
              /** @description EIP-55 checksummed; null until ready */
              address: string | null
              errorCode: string | null
              /** Format: date-time */
              createdAt: string
              /** Format: date-time */
              updatedAt: string
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    trace?: never
  }
  '/v1/accounts/{id}/balance': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The account's balance on a chain, as its node reports it */
    get: {
      parameters: {
        query?: {
          /** @description Defaults to the first configured chain */
          chainId?: number
        }
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              chainId: number
              /** @description Decimal wei */
              wei: string
              /** @description In whole units, e.g. ether */
              formatted: string
              symbol: string
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/accounts/{id}/sign-message': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Sign a message (EIP-191, as personal_sign does) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            message:
              | string
              | {
                  /** @description Bytes as 0x-prefixed, even-length hex */
                  raw: string
                }
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @description 65 bytes, r ‖ s ‖ v with v = 27 or 28, as hex */
              signature: string
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        500: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/accounts/{id}/sign-typed-data': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Sign typed data (EIP-712, as eth_signTypedData_v4 does) */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            domain: {
              name?: string
              version?: string
              chainId?: number | string
              verifyingContract?: string
              salt?: string
            }
            /** @description Struct name to its fields, in order */
            types: {
              [key: string]: {
                name: string
                type: string
              }[]
            }
            primaryType: string
            message: {
              [key: string]: unknown
            }
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @description 65 bytes, r ‖ s ‖ v with v = 27 or 28, as hex */
              signature: string
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        500: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/accounts/{id}/transactions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** An account's transactions, newest first */
    get: {
      parameters: {
        query: {
          limit: number
          /** @description nextCursor of the previous page */
          cursor?: string
        }
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                id: string
                /** Format: uuid */
                accountId: string
                chainId: number
                from: string
                to: string
                /** @description Wei sent */
                value: string
                data: string | null
                nonce: number
                /** @description Gas limit: the estimate plus a margin */
                gasLimit: string
                /** @description Fee cap of the latest attempt, wei per gas */
                maxFeePerGas: string
                /** @description Tip of the latest attempt, wei per gas */
                maxPriorityFeePerGas: string
                /** @description queued until a signer has broadcast it, submitted until it has the chain's confirmations, then confirmed, or failed (errorCode) */
                status: 'queued' | 'submitted' | 'confirmed' | 'failed'
                hash: string | null
                blockNumber: number | null
                gasUsed: string | null
                effectiveGasPrice: string | null
                feeWei: string | null
                /** @description Why it failed; see docs/errors.md */
                errorCode: string | null
                submittedAt: string | null
                /** @description When it became final, confirmed or failed */
                confirmedAt: string | null
                /** Format: date-time */
                createdAt: string
                /** Format: date-time */
                updatedAt: string
              }[]
              /** @description Pass as cursor for the next page; null on the last */
              nextCursor: string | null
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    put?: never
    /** Send a transaction from an account; answers once it is broadcast, or still queued after SEND_WAIT_MS */
    post: {
      parameters: {
        query?: never
        header?: {
          /** @description Makes a retry safe: a repeat with the same key and body returns the first answer and creates nothing */
          'idempotency-key'?: string
        }
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description The recipient: 0x and 40 hex digits; a mixed-case address must match its EIP-55 checksum */
            to: string
            /** @description Wei to send, as a decimal string ("0" for none) */
            value: string
            /** @description Calldata, hex; up to 128 KiB, within the body limit (BODY_LIMIT_BYTES) */
            data?: string
            /** @description Defaults to the first configured chain */
            chainId?: number
          }
        }
      }
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: uuid */
              id: string
              /** Format: uuid */
              accountId: string
              chainId: number
              from: string
              to: string
              /** @description Wei sent */
              value: string
              data: string | null
              nonce: number
              /** @description Gas limit: the estimate plus a margin */
              gasLimit: string
              /** @description Fee cap of the latest attempt, wei per gas */
              maxFeePerGas: string
              /** @description Tip of the latest attempt, wei per gas */
              maxPriorityFeePerGas: string
              /** @description queued until a signer has broadcast it, submitted until it has the chain's confirmations, then confirmed, or failed (errorCode) */
              status: 'queued' | 'submitted' | 'confirmed' | 'failed'
              hash: string | null
              blockNumber: number | null
              gasUsed: string | null
              effectiveGasPrice: string | null
              feeWei: string | null
              /** @description Why it failed; see docs/errors.md */
              errorCode: string | null
              submittedAt: string | null
              /** @description When it became final, confirmed or failed */
              confirmedAt: string | null
              /** Format: date-time */
              createdAt: string
              /** Format: date-time */
              updatedAt: string
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        422: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/accounts/{id}/transactions/estimate': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** What a send would cost now; refused as the send would be, and nothing is recorded */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description The recipient: 0x and 40 hex digits; a mixed-case address must match its EIP-55 checksum */
            to: string
            /** @description Wei to send, as a decimal string ("0" for none) */
            value: string
            /** @description Calldata, hex; up to 128 KiB, within the body limit (BODY_LIMIT_BYTES) */
            data?: string
            /** @description Defaults to the first configured chain */
            chainId?: number
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              chainId: number
              /** @description Gas limit a send would get: the estimate plus a margin */
              gasLimit: string
              /** @description Fee cap, wei per gas */
              maxFeePerGas: string
              /** @description Tip, wei per gas */
              maxPriorityFeePerGas: string
              /** @description Fee at the current base fee: estimated gas × (base + tip) */
              expectedFee: string
              /** @description The most the fee can be: gasLimit × maxFeePerGas */
              maxFee: string
              /** @description The balance, less what sends in flight may still cost; a send needs value + maxFee of it */
              available: string
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        422: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/transactions/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A transaction */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** Format: uuid */
              id: string
              /** Format: uuid */
              accountId: string
              chainId: number
              from: string
              to: string
              /** @description Wei sent */
              value: string
              data: string | null
              nonce: number
              /** @description Gas limit: the estimate plus a margin */
              gasLimit: string
              /** @description Fee cap of the latest attempt, wei per gas */
              maxFeePerGas: string
              /** @description Tip of the latest attempt, wei per gas */
              maxPriorityFeePerGas: string
              /** @description queued until a signer has broadcast it, submitted until it has the chain's confirmations, then confirmed, or failed (errorCode) */
              status: 'queued' | 'submitted' | 'confirmed' | 'failed'
              hash: string | null
              blockNumber: number | null
              gasUsed: string | null
              effectiveGasPrice: string | null
              feeWei: string | null
              /** @description Why it failed; see docs/errors.md */
              errorCode: string | null
              submittedAt: string | null
              /** @description When it became final, confirmed or failed */
              confirmedAt: string | null
              /** Format: date-time */
              createdAt: string
              /** Format: date-time */
              updatedAt: string
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/chains': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The chains Custos acts on; the first is the default */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              data: {
                id: number
                name: string
                nativeCurrency: {
                  name: string
                  symbol: string
                  decimals: number
                }
                explorerUrl: string | null
                /** @description Blocks on top of a transaction before it counts as final */
                confirmations: number
              }[]
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/dev/faucet': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Fund an address from the node's prefunded accounts */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description An Ethereum address */
            address: string
            /** @description Decimal wei */
            value?: string
            chainId?: number
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              chainId: number
              hash: string
              /** @description Decimal wei */
              value: string
            }
          }
        }
        /** @description An error */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
        /** @description An error */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              error: {
                /** @description Stable code; see docs/errors.md */
                code: string
                message: string
              }
            }
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
}
export type webhooks = Record<string, never>
export interface components {
  schemas: never
  responses: never
  parameters: never
  requestBodies: never
  headers: never
  pathItems: never
}
export type $defs = Record<string, never>
export type operations = Record<string, never>
