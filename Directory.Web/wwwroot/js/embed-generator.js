import { getJson } from './api.js';

// /einbetten: choose a region, a radius and a language; the preview and the snippet follow every change.
const form = document.getElementById('embed-form');
const preview = document.getElementById('embed-preview');
const code = document.getElementById('embed-code');
const names = new Map();

function address() {
  const params = new URLSearchParams();
  if (form.gebiet.value) params.set('gebiet', form.gebiet.value);
  if (form.umkreis.value) params.set('umkreis', form.umkreis.value);
  params.set('sprache', form.sprache.value);
  return new URL(`einbetten/karte?${params}`, document.baseURI).toString();
}

function update() {
  const url = address();
  const height = Math.min(1200, Math.max(300, Number(form.hoehe.value) || 560));
  const title = `Familienmanager:innen ${form.gebiet.value ? `für ${names.get(form.gebiet.value)}` : 'in Nordrhein-Westfalen'}`;
  preview.src = url;
  preview.title = `Vorschau: ${title}`;
  preview.style.height = `${height}px`;
  // The snippet's own markup: the title names the frame for screen readers; the frame is as wide as its column.
  const escape = (text) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  code.value = `<iframe src="${escape(url)}" title="${escape(title)}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`;
}

async function start() {
  const [kreise, gemeinden] = await Promise.all([getJson('/api/regions?level=kreis'), getJson('/api/regions?level=gemeinde')]);
  for (const [label, regions] of [['Kreise und kreisfreie Städte', kreise], ['Gemeinden', gemeinden]]) {
    const group = document.createElement('optgroup');
    group.label = label;
    for (const r of [...regions].sort((a, b) => a.name.localeCompare(b.name, 'de'))) {
      names.set(r.key, r.name);
      group.append(new Option(r.name, r.key));
    }
    form.gebiet.append(group);
  }
  form.addEventListener('change', update);
  form.addEventListener('input', update);
  form.addEventListener('submit', (event) => event.preventDefault());
  document.getElementById('embed-copy').addEventListener('click', async () => {
    code.select();
    try {
      await navigator.clipboard.writeText(code.value);
      document.getElementById('embed-copied').textContent = 'Der Code ist kopiert.';
    } catch {
      document.getElementById('embed-copied').textContent = 'Der Code ist markiert: Kopieren Sie ihn mit Strg+C.';
    }
  });
  update();
}

start().catch(() => { code.value = 'Die Gebiete konnten nicht geladen werden. Bitte laden Sie die Seite neu.'; });
