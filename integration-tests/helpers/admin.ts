import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  generateJwtToken,
  Modules,
} from "@medusajs/framework/utils"

export type AdminHeaders = {
  headers: { authorization: string }
}

type CreateAdminOptions = {
  /** Defaults to a fresh address per call, so two calls never collide. */
  email?: string
}

let created = 0

/**
 * Creates an admin user with an emailpass auth identity and returns request
 * options carrying a bearer token for it, signed the way Medusa signs its own
 * (`projectConfig.http.jwtSecret`, `jwtExpiresIn`, `jwtOptions`).
 *
 * The test runners restore the database before every test, which removes the
 * user, so call this in `beforeEach`, not `beforeAll`.
 *
 * @example
 * const { headers } = await createAdminHeaders(getContainer())
 * await api.get("/admin/customer-segments", { headers })
 */
export async function createAdminHeaders(
  container: MedusaContainer,
  { email }: CreateAdminOptions = {}
): Promise<AdminHeaders> {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const { projectConfig } = container.resolve(
    ContainerRegistrationKeys.CONFIG_MODULE
  )
  const { http } = projectConfig

  created += 1
  const address = email ?? `admin-${process.pid}-${created}@segments.test`

  const user = await userModule.createUsers({
    email: address,
    first_name: "Admin",
    last_name: "User",
  })
  const authIdentity = await authModule.createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: address }],
    app_metadata: { user_id: user.id },
  })

  const token = generateJwtToken(
    {
      actor_id: user.id,
      actor_type: "user",
      auth_identity_id: authIdentity.id,
      app_metadata: { user_id: user.id },
      user_metadata: {},
    },
    {
      secret: http.jwtSecret,
      expiresIn: http.jwtExpiresIn ?? "1d",
      jwtOptions: http.jwtOptions,
    }
  )

  return { headers: { authorization: `Bearer ${token}` } }
}
