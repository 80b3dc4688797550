/** The secret of the memory benchmark's integrations and API key (a throwaway stack). */
export const MEMORY_SECRET = 'memorySecret0123456789abcdefghij';
