import bcrypt from 'bcryptjs';

/** bcrypt (pure JS build, no native addon to compile on the users' machines). */
const COST = 10;

export const hashPassword = (plain: string): Promise<string> => bcrypt.hash(plain, COST);
export const verifyPassword = (plain: string, hash: string): Promise<boolean> =>
  bcrypt.compare(plain, hash);
