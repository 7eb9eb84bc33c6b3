/** The "6-term query": six permissions, AND and OR, parentheses; an unrestricted key holds it. */
export const SIX_TERM_QUERY = '(calls:read OR contacts:write) AND (workflows/wf_42:read OR billing:read) AND (contacts:read OR files:write)';
