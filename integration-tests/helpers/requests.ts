type HttpError = {
  response?: { status: number; data: { type?: string; message?: string } }
}

/**
 * Awaits a request that must fail and returns its response. A request that
 * succeeds fails the test, so an error-path test can never pass by accident.
 */
export async function expectHttpError(
  request: Promise<unknown>,
  status: number
): Promise<{ type?: string; message: string }> {
  const error = await request.then(
    (response) => {
      throw new Error(
        `expected HTTP ${status}, got ${(response as { status: number }).status}`
      )
    },
    (e: HttpError) => e
  )
  expect(error.response?.status).toBe(status)
  return {
    type: error.response?.data.type,
    message: error.response?.data.message ?? "",
  }
}
