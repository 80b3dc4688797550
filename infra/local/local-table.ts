/** The name of the one table the local stack keeps in dynalite. */
export const LOCAL_TABLE_NAME = 'sla-watch';
