/** oidc-provider ships no types: the test provider (test/helpers/oidc-provider.ts) types what it uses. */
declare module 'oidc-provider';
