// Fetches JSON from the service's own API; throws with the problem document's detail on an error status.
export async function getJson(path) {
  // Problem documents come in the page's language (German or English; other languages get German).
  const response = await fetch(path, { headers: { Accept: 'application/json', 'Accept-Language': document.documentElement.lang || 'de' } });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail ?? detail; } catch { /* not a problem document */ }
    throw new Error(`${response.status} ${detail}`);
  }
  return response.json();
}
