/** A restricted key's or a role's access to one resource type (product.md section 2). */
export type Level = 'none' | 'read' | 'write';
