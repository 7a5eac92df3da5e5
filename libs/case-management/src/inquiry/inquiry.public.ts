/** This aggregate's public surface, re-exported by the lib's index.ts. */
export {};
