/** The first letter in upper case, for a phrase that starts a label: "incoming message" → "Incoming message". */
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
