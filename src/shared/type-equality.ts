/**
 * Compile-time equality of two types (exact: optional and readonly members count), for a plain
 * interface kept beside the zod schema it mirrors: `type _ = Expect<Equal<View, z.infer<typeof schema>>>`
 * fails to compile as soon as the two drift apart.
 */
export type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
export type Expect<T extends true> = T;
