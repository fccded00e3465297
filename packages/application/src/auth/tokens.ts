import { jwtVerify, SignJWT } from 'jose';

/**
 * Signed session tokens (HS256). The token names the user only: roles are read from the user's
 * stream on each request, so a revoked role stops working at once. An OIDC provider can later
 * issue the same subject without changing the rest.
 */
export interface SessionClaims {
  username: string;
}

const ISSUER = 'sakip';

export async function issueToken(
  claims: SessionClaims,
  secret: string,
  ttl: string,
): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.username)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(secret));
}

/** The claims of a valid token, or null when it is malformed, forged or expired. */
export async function verifyToken(token: string, secret: string): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      issuer: ISSUER,
      algorithms: ['HS256'],
    });
    return typeof payload.sub === 'string' ? { username: payload.sub } : null;
  } catch {
    return null;
  }
}
