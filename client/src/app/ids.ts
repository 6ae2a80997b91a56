/** The API's `scenario(id:)` takes a global ID; routes carry the readable key. Global IDs are base64 of "Type:key" (UTF-8). */
export function globalId(typeName: string, key: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(`${typeName}:${key}`)));
}

export const scenarioGlobalId = (key: string) => globalId("Scenario", key);
