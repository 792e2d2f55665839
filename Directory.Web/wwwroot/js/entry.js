import { managerCard } from './map.js';
import { t } from './i18n.js';

// An entry's own page (eintrag?id=N): its card and "Fehler melden". The report goes to the API as JSON; the page
// shows the API's messages per field (they come in the page's language where the API has it, else German).
const id = new URLSearchParams(location.search).get('id');
const status = document.getElementById('entry-status');
const section = document.getElementById('fehler-melden');
const form = document.getElementById('report-form');
const result = document.getElementById('report-result');
const headers = { Accept: 'application/json', 'Accept-Language': document.documentElement.lang || 'de' };

async function start() {
  if (!/^\d{1,9}$/.test(id ?? '')) {
    status.textContent = t('entry.notFound');
    return;
  }
  const response = await fetch(`/api/managers/${id}`, { headers });
  if (!response.ok) {
    status.textContent = response.status === 404 ? t('entry.notFound') : t('entry.failed');
    return;
  }
  const manager = await response.json();
  document.title = `${manager.name} – Familienmanager NRW`;
  document.getElementById('entry-name').textContent = manager.name;
  const card = managerCard(manager, 'p', { report: false });
  card.querySelector('.manager-name')?.remove(); // the page's heading names the person
  document.getElementById('entry-card').replaceChildren(card);
  status.textContent = '';
  section.hidden = false;
  if (location.hash === '#fehler-melden') section.focus();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send(manager).catch(() => { result.textContent = t('report.failed'); });
  });
}

const fields = { kind: 'report-kind-error', message: 'report-message-error', email: 'report-email-error', emailConsent: 'report-consent-error' };
const inputs = { message: 'report-message', email: 'report-email', emailConsent: 'report-consent' };

function showErrors(errors) {
  let first = null;
  for (const [field, errorId] of Object.entries(fields)) {
    const message = errors[field]?.[0];
    const element = document.getElementById(errorId);
    element.textContent = message ?? '';
    element.hidden = !message;
    const input = field === 'kind' ? form.querySelector('input[name=kind]') : document.getElementById(inputs[field]);
    if (field === 'kind') {
      for (const radio of form.querySelectorAll('input[name=kind]')) radio.setAttribute('aria-invalid', message ? 'true' : 'false');
    } else {
      input.setAttribute('aria-invalid', message ? 'true' : 'false');
    }
    if (message && !first) first = input;
  }
  first?.focus();
}

async function send(manager) {
  const data = new FormData(form);
  const body = {
    kind: data.get('kind'),
    message: data.get('message') || null,
    email: data.get('email') || null,
    emailConsent: data.get('emailConsent') === 'on',
    website: data.get('website') || null,
  };
  const errors = {};
  if (!body.kind) errors.kind = [t('report.kindMissing')];
  if (body.kind === 'other' && !body.message) errors.message = [t('report.messageMissing')];
  if (body.email && !body.emailConsent) errors.emailConsent = [t('report.consentMissing')];
  showErrors(errors);
  if (Object.keys(errors).length) return;

  result.textContent = t('report.sending');
  const response = await fetch(`/api/managers/${manager.id}/reports`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status === 202) {
    form.reset();
    result.textContent = t('report.thanks');
    return;
  }
  const problem = await response.json().catch(() => ({}));
  if (response.status === 400 && problem.errors) {
    showErrors(Object.fromEntries(Object.entries(problem.errors).map(([key, value]) => [key.charAt(0).toLowerCase() + key.slice(1), value])));
    result.textContent = t('report.correct');
  } else {
    result.textContent = problem.detail ?? t('report.failed');
  }
}

start().catch(() => { status.textContent = t('entry.failed'); });
