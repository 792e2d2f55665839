import { getJson } from './api.js';

// Renders the OpenAPI document as a readable reference: one section per operation with its parameters and answers.
const statusText = { 200: 'Erfolg', 304: 'Unverändert (ETag)', 400: 'Ungültige Anfrage', 404: 'Nicht gefunden' };

function element(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

async function start() {
  const status = document.getElementById('api-status');
  try {
    const document_ = await getJson('/openapi/v1.json');
    const sections = [];
    for (const [path, item] of Object.entries(document_.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const section = element('section', undefined, 'operation');
        const heading = element('h2');
        heading.append(element('code', `${method.toUpperCase()} ${path}`));
        section.append(heading, element('p', operation.summary ?? ''));
        const parameters = operation.parameters ?? [];
        if (parameters.length) {
          const table = element('table');
          table.append(element('caption', `Parameter von ${method.toUpperCase()} ${path}`));
          const head = element('tr');
          for (const label of ['Name', 'Ort', 'Beschreibung']) {
            const th = element('th', label);
            th.scope = 'col';
            head.append(th);
          }
          const thead = element('thead');
          thead.append(head);
          const tbody = element('tbody');
          for (const p of parameters) {
            const row = element('tr');
            const name = element('th');
            name.scope = 'row';
            name.append(element('code', p.name));
            row.append(name, element('td', p.in === 'path' ? 'Pfad' : 'Abfrage'), element('td', p.description ?? ''));
            tbody.append(row);
          }
          table.append(thead, tbody);
          section.append(table);
        }
        const answers = element('p');
        answers.textContent = `Antworten: ${Object.keys(operation.responses ?? {}).map((code) => `${code} ${statusText[code] ?? ''}`.trim()).join(', ')}`;
        section.append(answers);
        sections.push(section);
      }
    }
    document.getElementById('operations').replaceChildren(...sections);
    status.textContent = `${sections.length} Aufrufe.`;
  } catch (error) {
    status.textContent = 'Die Referenz konnte nicht geladen werden.';
    console.error(error);
  }
}

start();
