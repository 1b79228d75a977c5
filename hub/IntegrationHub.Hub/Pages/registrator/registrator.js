// The registrator's inbox (registratorns inkorg): lists the hub's automatic registrations for review and acts on them
// through /api/v1/registrator/inbox. Everything from the API is personal data and untrusted: it only ever reaches the
// page as textContent or as attribute values set through the DOM, never as markup.
import { strings } from './strings.js';

const appRoot = new URL('../', import.meta.url);
const inboxUrl = (path = '') => new URL(`api/v1/registrator/inbox${path}`, appRoot);
const stored = {
  get(key) { try { return window.localStorage.getItem(`ihub.registrator.${key}`); } catch { return null; } },
  set(key, value) { try { window.localStorage.setItem(`ihub.registrator.${key}`, value); } catch { /* private mode: not remembered */ } },
};

const $ = (id) => document.getElementById(id);
const dom = {
  status: $('status'), whoForm: $('who-form'), changedBy: $('changed-by'), credential: $('credential'), language: $('language'),
  filters: $('filters'), municipality: $('municipality'), diary: $('filter-diary'), unit: $('filter-unit'), state: $('filter-state'),
  rows: $('rows'), table: $('items'), empty: $('empty'), more: $('more'),
  detail: $('detail'), detailHeading: $('detail-heading'), detailMessage: $('detail-message'), detailBadges: $('detail-badges'),
  detailFields: $('detail-fields'), attachments: $('attachments'), decidedNote: $('decided-note'),
  history: $('history'), historyEmpty: $('history-empty'), close: $('close'),
};

const query = new URLSearchParams(window.location.search);
const ui = {
  lang: pickLanguage(),
  items: new Map(),      // sequence -> item, in list order
  next: null,            // the API's "next" (a sequence) when there are more
  selected: null,        // sequence of the open item
  details: null,         // { item, actions } of the open item
  listRequest: 0,        // only the newest list request may render
  itemRequest: 0,
};

function pickLanguage() {
  const wanted = query.get('lang') ?? stored.get('lang');
  return wanted === 'en' || wanted === 'sv' ? wanted : 'sv';
}

// ------------------------------------------------------------------------------------------------ texts and formats
function t(key, ...args) {
  const value = strings[ui.lang][key] ?? strings.sv[key];
  if (value === undefined) return key;
  return typeof value === 'function' ? value(...args) : value;
}

const capitalized = (s) => s.charAt(0).toUpperCase() + s.slice(1);

function formatDateTime(iso) {
  if (!iso) return t('none');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  // Swedish local time in both languages: the diary's dates are Swedish.
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).format(date);
}

function formatSize(bytes) {
  if (typeof bytes !== 'number') return '';
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return `${new Intl.NumberFormat(t('locale'), { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

const stateLabel = (state) => t(`state${capitalized(state ?? 'pending')}`);

function el(tag, { className, text, attrs } = {}, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (attrs) for (const [name, value] of Object.entries(attrs)) if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  for (const child of children) if (child) node.append(child);
  return node;
}

function applyTexts() {
  document.documentElement.lang = ui.lang;
  document.title = t('title');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  dom.language.textContent = t('switchLanguage');
  dom.language.lang = t('switchLanguageLang');
}

function announce(text) {
  // Cleared first, so the same text twice is announced twice.
  dom.status.textContent = '';
  window.setTimeout(() => { dom.status.textContent = text; }, 30);
}

// ---------------------------------------------------------------------------------------------------------- the API
// The same identities as the API: an API key (ihub_…) or a bearer token from the municipality's sign-in service,
// kept for this browser tab only (sessionStorage), never in the page's address or in localStorage.
const credential = {
  get() { try { return window.sessionStorage.getItem('ihub.credential') ?? ''; } catch { return ''; } },
  set(value) { try { window.sessionStorage.setItem('ihub.credential', value); } catch { /* not kept */ } },
};

function authorization() {
  const value = (dom.credential.value || credential.get()).trim();
  if (!value) return {};
  return value.startsWith('ihub_') ? { 'X-Api-Key': value } : { Authorization: `Bearer ${value}` };
}

async function request(method, url, body) {
  let response;
  try {
    const headers = body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' };
    response = await fetch(url, {
      method,
      headers: { ...headers, ...authorization() },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, status: 0, body: null };
  }

  let json = null;
  const text = await response.text();
  if (text) { try { json = JSON.parse(text); } catch { json = null; } }
  return { ok: response.ok, status: response.status, body: json };
}

function problemText(result) {
  if (result.status === 0) return t('networkError');
  if (result.status === 401) { dom.credential.focus(); return t('needSignIn'); }
  if (result.status === 403) return t('forbidden');
  if (result.status === 404) return t('notFound');
  return result.body?.detail ? `${t('serverError', result.status)} ${result.body.detail}` : t('serverError', result.status);
}

// --------------------------------------------------------------------------------------------------------- the list
function readFilters() {
  return {
    municipality: dom.municipality.value.trim(),
    diary: dom.diary.value.trim(),
    unit: dom.unit.value.trim(),
    state: dom.state.value,
  };
}

function rememberFilters(filters) {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(filters)) {
    if (value && !(name === 'state' && value === 'pending')) url.searchParams.set(name, value); else url.searchParams.delete(name);
  }
  if (ui.lang === 'en') url.searchParams.set('lang', 'en'); else url.searchParams.delete('lang');
  window.history.replaceState(null, '', url);
  if (filters.municipality) stored.set('municipality', filters.municipality);
}

function setFieldError(input, message) {
  const error = $(`${input.id}-error`);
  if (!error) return;
  error.textContent = message;
  error.hidden = false;
  input.setAttribute('aria-invalid', 'true');
}

function clearFieldErrors(scope) {
  for (const error of scope.querySelectorAll('.field-error')) { error.textContent = ''; error.hidden = true; }
  for (const input of scope.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
}

async function loadList(append = false) {
  const filters = readFilters();
  clearFieldErrors(dom.filters);
  if (!/^[0-9]{4}$/.test(filters.municipality)) {
    if (filters.municipality) setFieldError(dom.municipality, t('badMunicipality'));
    announce(t(filters.municipality ? 'badMunicipality' : 'needMunicipality'));
    dom.municipality.focus();
    return;
  }

  rememberFilters(filters);
  const url = inboxUrl();
  url.searchParams.set('municipality', filters.municipality);
  if (filters.diary) url.searchParams.set('diary', filters.diary);
  if (filters.unit) url.searchParams.set('unit', filters.unit);
  url.searchParams.set('state', filters.state);
  url.searchParams.set('limit', '50');
  if (append && ui.next !== null) url.searchParams.set('before', String(ui.next));

  const token = ++ui.listRequest;
  dom.table.setAttribute('aria-busy', 'true');
  dom.more.disabled = true;
  announce(t('loading'));
  const result = await request('GET', url);
  if (token !== ui.listRequest) return;
  dom.table.removeAttribute('aria-busy');
  dom.more.disabled = false;
  if (!result.ok) {
    if (result.status === 400 && result.body?.errors?.some((e) => e.pointer === 'municipality')) setFieldError(dom.municipality, t('badMunicipality'));
    announce(problemText(result));
    return;
  }

  if (!append) ui.items.clear();
  for (const item of result.body.items ?? []) ui.items.set(item.sequence, item);
  ui.next = result.body.next ?? null;
  renderRows();
  announce(t('listed', ui.items.size, ui.next !== null));
}

function badges(item) {
  const list = [];
  if (item.flags?.personalData) list.push(['personal-data', 'flagPersonalData']);
  if (item.flags?.suspectedSecrecy) list.push(['suspected-secrecy', 'flagSuspectedSecrecy']);
  if (item.flags?.unparseable) list.push(['unparseable', 'flagUnparseable']);
  if (item.restricted) list.push(['restricted', 'flagRestricted']);
  const wrap = el('span', { className: 'badges' });
  for (const [kind, key] of list) wrap.append(el('span', { className: `badge badge-${kind}`, text: t(key) }));
  return wrap;
}

function stateBadge(state) {
  return el('span', { className: `state state-${state}`, text: stateLabel(state) });
}

function unitText(item) {
  return item.unit ? (item.unit.name ?? item.unit.id) : t('none');
}

function row(item) {
  const tr = el('tr', { attrs: { 'data-sequence': item.sequence } });
  if (item.sequence === ui.selected) { tr.classList.add('selected'); tr.setAttribute('aria-current', 'true'); }

  tr.append(el('td', { className: 'c-received' }, el('time', { text: formatDateTime(item.receivedAt), attrs: { datetime: item.receivedAt } })));

  const dnr = el('td', { className: 'c-dnr' }, el('span', { className: 'dnr', text: item.diarienummer ?? t('none') }));
  if (item.documentNumber !== undefined && item.documentNumber !== null) dnr.append(el('span', { className: 'sub', text: t('documentNumberShort', item.documentNumber) }));
  tr.append(dnr);

  const sender = el('td', { className: 'c-sender' });
  if (item.sender?.name || item.sender?.email) {
    if (item.sender.name) sender.append(el('span', { className: 'name', text: item.sender.name }));
    if (item.sender.email) sender.append(el('span', { className: 'sub', text: item.sender.email }));
  } else {
    sender.append(el('span', { className: 'missing', text: t('noSender') }));
  }
  tr.append(sender);

  const subject = item.subject || t('noSubject');
  const open = el('button', { className: 'open', text: subject, attrs: { type: 'button', 'aria-controls': 'detail', title: t('openItem', subject) } });
  open.addEventListener('click', () => openItem(item.sequence));
  tr.append(el('td', { className: 'c-subject' }, open));

  const unit = el('td', { className: 'c-unit' }, el('span', { className: 'unit', text: unitText(item) }));
  if (item.caseType) unit.append(el('span', { className: 'sub case-type', text: item.caseType }));
  tr.append(unit);

  tr.append(el('td', { className: 'c-routing', text: item.routing ?? t('none') }));
  tr.append(el('td', { className: 'c-flags' }, badges(item)));
  tr.append(el('td', { className: 'c-state' }, stateBadge(item.state)));
  return tr;
}

function renderRows() {
  dom.rows.replaceChildren(...[...ui.items.values()].map(row));
  dom.empty.textContent = t('emptyList');
  dom.empty.hidden = ui.items.size > 0;
  dom.more.hidden = ui.next === null;
}

function updateRow(item) {
  ui.items.set(item.sequence, item);
  const current = dom.rows.querySelector(`tr[data-sequence="${CSS.escape(String(item.sequence))}"]`);
  if (current) current.replaceWith(row(item));
}

// ------------------------------------------------------------------------------------------------------- the detail
async function openItem(sequence) {
  ui.selected = sequence;
  for (const tr of dom.rows.querySelectorAll('tr')) {
    const selected = tr.dataset.sequence === String(sequence);
    tr.classList.toggle('selected', selected);
    if (selected) tr.setAttribute('aria-current', 'true'); else tr.removeAttribute('aria-current');
  }

  showDetailMessage(null);
  for (const form of dom.detail.querySelectorAll('form.action')) { form.reset(); clearFieldErrors(form); }
  const listed = ui.items.get(sequence);
  if (listed) renderDetail({ item: listed, actions: null });
  dom.detail.hidden = false;
  dom.detailHeading.focus();
  await reloadItem(sequence);
}

async function reloadItem(sequence) {
  const token = ++ui.itemRequest;
  dom.detail.setAttribute('aria-busy', 'true');
  const result = await request('GET', inboxUrl(`/${encodeURIComponent(sequence)}`));
  if (token !== ui.itemRequest || ui.selected !== sequence) return;
  dom.detail.removeAttribute('aria-busy');
  if (!result.ok) {
    showDetailMessage(problemText(result), 'error');
    announce(problemText(result));
    return;
  }

  applyDetails(result.body);
}

function applyDetails(details) {
  // An answer older than what is shown (a slow GET overtaken by an action) changes nothing.
  const shown = ui.items.get(details.item.sequence);
  if (shown && shown.version > details.item.version) return;
  updateRow(details.item);
  if (ui.selected === details.item.sequence) renderDetail(details);
}

function field(labelKey, value, key) {
  const dd = el('dd');
  if (value instanceof Node) dd.append(value); else dd.textContent = value === undefined || value === null || value === '' ? t('none') : String(value);
  return el('div', { attrs: { 'data-key': key } }, el('dt', { text: t(labelKey) }), dd);
}

function correspondent(person) {
  if (!person) return t('none');
  if (person.name && person.email) return `${person.name} <${person.email}>`;
  return person.name || person.email || t('none');
}

function renderDetail(details) {
  ui.details = details;
  const item = details.item;
  dom.detailHeading.textContent = item.subject || t('noSubject');
  dom.detailBadges.replaceChildren(stateBadge(item.state), badges(item));

  const fields = [
    field('fieldDiarienummer', item.diarienummer, 'diarienummer'),
    field('fieldDocumentNumber', item.documentNumber, 'documentNumber'),
    field('fieldDiary', item.diary, 'diary'),
    field('fieldState', stateLabel(item.state), 'state'),
    field('fieldReceivedAt', formatDateTime(item.receivedAt), 'receivedAt'),
    field('fieldDocumentDate', item.documentDate ? formatDateTime(item.documentDate) : null, 'documentDate'),
    field('fieldReceivedVia', item.receivedVia, 'receivedVia'),
    field('fieldSender', item.sender ? correspondent(item.sender) : t('noSender'), 'sender'),
    field('fieldRecipients', (item.recipients ?? []).map(correspondent).join(', '), 'recipients'),
    field('fieldSubject', item.subject, 'subject'),
    field('fieldUnit', item.unit ? [item.unit.name, `(${item.unit.id})`].filter(Boolean).join(' ') : null, 'unit'),
    field('fieldCaseType', item.caseType, 'caseType'),
    field('fieldRouting', item.routing, 'routing'),
    field('fieldNote', item.note, 'note'),
    field('fieldReasons', (item.reasons ?? []).map((r) => t(`reason${capitalized(r)}`)).join(', '), 'reasons'),
    field('fieldClassification', item.classification ? t(`classification${capitalized(item.classification)}`) : null, 'classification'),
    field('fieldRestricted', t(item.restricted ? 'yes' : 'no'), 'restricted'),
    field('fieldLinkedCaseId', item.linkedCaseId, 'linkedCaseId'),
    field('fieldDecided', item.decidedBy ? t('decidedBy', item.decidedBy, formatDateTime(item.decidedAt)) : null, 'decided'),
    field('fieldCaseId', item.caseId, 'caseId'),
    field('fieldMunicipality', item.municipality, 'municipality'),
    field('fieldSequence', item.sequence, 'sequence'),
    field('fieldVersion', item.version, 'version'),
  ];
  dom.detailFields.replaceChildren(...fields);

  renderAttachments(item.attachments ?? []);
  renderActionsAvailability(item);
  renderHistory(details.actions);
}

/** A link target only when the reference is a URL of this hub (not javascript:, not another site). */
function safeReference(reference) {
  if (typeof reference !== 'string' || reference === '') return null;
  try {
    const url = new URL(reference.startsWith('/') && !reference.startsWith('//') ? reference.slice(1) : reference, appRoot);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === window.location.origin ? url.href : null;
  } catch {
    return null;
  }
}

function renderAttachments(attachments) {
  if (attachments.length === 0) {
    dom.attachments.replaceChildren(el('li', { className: 'empty', text: t('noAttachments') }));
    return;
  }

  dom.attachments.replaceChildren(...attachments.map((a) => {
    const name = a.name || a.sha256 || t('none');
    const href = safeReference(a.reference);
    const label = href
      ? el('a', { text: name, attrs: { href, target: '_blank', rel: 'noopener noreferrer' } })
      : el('span', { text: name });
    return el('li', {}, label, el('span', { className: 'sub', text: ` ${t('attachmentMeta', a.mediaType ?? '', formatSize(a.size))}` }));
  }));
}

function renderActionsAvailability(item) {
  const pending = item.state === 'pending';
  for (const form of dom.detail.querySelectorAll('form[data-pending-only]')) {
    form.querySelector('fieldset').disabled = !pending;
    form.hidden = !pending;
  }

  dom.decidedNote.hidden = pending;
  dom.decidedNote.textContent = pending ? '' : t('decidedNote', stateLabel(item.state), item.decidedBy ?? t('none'), formatDateTime(item.decidedAt));
  $('reclassify-current').textContent = t('currentRouting', item.unit ? [item.unit.name, `(${item.unit.id})`].filter(Boolean).join(' ') : t('none'), item.caseType ?? t('none'));
}

const restrictionTypes = { Sekretess: 'typeSekretess', Integritet: 'typeIntegritet', 'Annan typ': 'typeOther' };

function detailValue(key, value) {
  if (key === 'type' && Object.hasOwn(restrictionTypes, value)) return t(restrictionTypes[value]);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function actionDetails(details) {
  if (!details || typeof details !== 'object') return details === undefined || details === null ? '' : String(details);
  return Object.entries(details)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${t(`detail${capitalized(key)}`)}: ${detailValue(key, value)}`)
    .join('; ');
}

function renderHistory(actions) {
  if (actions === null) { dom.history.replaceChildren(); dom.historyEmpty.hidden = true; return; }
  dom.history.replaceChildren(...actions.map((a) => el('tr', {},
    el('td', {}, el('time', { text: formatDateTime(a.at), attrs: { datetime: a.at } })),
    el('td', { className: 'actor', text: a.actor }),
    el('td', { className: 'action-name', text: t(`action${capitalized(a.action)}`) }),
    el('td', { text: actionDetails(a.details) }))));
  dom.historyEmpty.textContent = t('noHistory');
  dom.historyEmpty.hidden = actions.length > 0;
}

function showDetailMessage(text, kind = 'info') {
  dom.detailMessage.textContent = text ?? '';
  dom.detailMessage.hidden = !text;
  dom.detailMessage.dataset.kind = kind;
}

function closeDetail() {
  const sequence = ui.selected;
  ui.selected = null;
  ui.details = null;
  dom.detail.hidden = true;
  for (const tr of dom.rows.querySelectorAll('tr.selected')) { tr.classList.remove('selected'); tr.removeAttribute('aria-current'); }
  dom.rows.querySelector(`tr[data-sequence="${CSS.escape(String(sequence))}"] button.open`)?.focus();
}

// ------------------------------------------------------------------------------------------------------ the actions
const valueOf = (form, name) => form.elements.namedItem(name)?.value.trim() ?? '';

function actionBody(action, form) {
  switch (action) {
    case 'reclassify': {
      const body = {};
      const unitId = valueOf(form, 'unitId');
      const unitName = valueOf(form, 'unitName');
      const caseType = valueOf(form, 'caseType');
      if (unitId || unitName) body.unit = unitName ? { id: unitId, name: unitName } : { id: unitId };
      if (caseType) body.caseType = caseType;
      return body;
    }
    case 'link': return { diarienummer: valueOf(form, 'diarienummer') || undefined };
    case 'annul': return { reason: valueOf(form, 'reason') };
    case 'restriction': return {
      type: valueOf(form, 'type'),
      legalReference: valueOf(form, 'legalReference') || undefined,
      explanation: valueOf(form, 'explanation') || undefined,
    };
    default: return {};
  }
}

function errorText(error) {
  const key = `error:${error.pointer}:${error.rule}`;
  return strings[ui.lang][key] ?? error.message ?? t('fixFields');
}

/** Shows each of a 400's errors next to the field it names (in the action's form, or "Vem är du?"); the first gets focus. */
function showFieldErrors(form, problem) {
  const errors = Array.isArray(problem?.errors) && problem.errors.length > 0
    ? problem.errors
    : [{ pointer: '', rule: '', message: problem?.detail ?? t('fixFields') }];
  let first = null;
  const unplaced = [];
  for (const error of errors) {
    const pointer = String(error.pointer ?? '').replace(/^\//, '').replaceAll('/', '.');
    const input = [...form.querySelectorAll('[data-field]'), dom.changedBy]
      .find((candidate) => candidate.dataset.field.split(' ').includes(pointer));
    if (input) {
      setFieldError(input, errorText({ ...error, pointer }));
      first ??= input;
    } else {
      unplaced.push(errorText({ ...error, pointer }));
    }
  }

  if (unplaced.length > 0) showDetailMessage(unplaced.join(' '), 'error');
  announce(first ? `${t('fixFields')} ${$(`${first.id}-error`).textContent}` : unplaced.join(' '));
  first?.focus();
}

async function act(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const action = form.dataset.action;
  const item = ui.details?.item;
  if (!item) return;

  showDetailMessage(null);
  clearFieldErrors(form);
  clearFieldErrors(dom.whoForm);
  const changedBy = dom.changedBy.value.trim();
  if (!changedBy) {
    setFieldError(dom.changedBy, t('needChangedBy'));
    announce(t('needChangedBy'));
    dom.changedBy.focus();
    return;
  }

  const sequence = item.sequence;
  ui.itemRequest++;   // a GET of the item still under way would only show the state before this action
  const fieldset = form.querySelector('fieldset');
  fieldset.disabled = true;
  form.setAttribute('aria-busy', 'true');
  const result = await request('POST', inboxUrl(`/${encodeURIComponent(sequence)}/${action}`),
    { changedBy, ...actionBody(action, form), version: item.version });
  form.removeAttribute('aria-busy');
  fieldset.disabled = false;
  if (ui.selected !== sequence) return;

  if (result.ok) {
    form.reset();
    applyDetails(result.body);
    showDetailMessage(t('done')[action], 'success');
    announce(t('done')[action]);
    if (form.hidden) dom.detailHeading.focus();   // its form is gone now that the item is handled
  } else if (result.status === 400) {
    renderActionsAvailability(item);
    showFieldErrors(form, result.body);
  } else if (result.status === 409) {
    const text = [t('conflict'), result.body?.detail].filter(Boolean).join(' ');
    showDetailMessage(text, 'error');
    announce(text);
    await reloadItem(sequence);
  } else {
    renderActionsAvailability(item);
    showDetailMessage(problemText(result), 'error');
    announce(problemText(result));
  }
}

// ----------------------------------------------------------------------------------------------------------- start
function switchLanguage() {
  ui.lang = ui.lang === 'sv' ? 'en' : 'sv';
  stored.set('lang', ui.lang);
  const url = new URL(window.location.href);
  if (ui.lang === 'en') url.searchParams.set('lang', 'en'); else url.searchParams.delete('lang');
  window.history.replaceState(null, '', url);
  applyTexts();
  renderRows();
  if (ui.details) renderDetail(ui.details);
}

function start() {
  applyTexts();
  dom.municipality.value = query.get('municipality') ?? stored.get('municipality') ?? '';
  dom.diary.value = query.get('diary') ?? '';
  dom.unit.value = query.get('unit') ?? '';
  const state = query.get('state');
  dom.state.value = ['pending', 'confirmed', 'annulled', 'linked', 'all'].includes(state) ? state : 'pending';
  dom.changedBy.value = stored.get('changedBy') ?? '';
  dom.credential.value = credential.get();
  dom.credential.addEventListener('change', () => { credential.set(dom.credential.value.trim()); if (dom.municipality.value) loadList(false); });

  dom.whoForm.addEventListener('submit', (event) => event.preventDefault());
  dom.changedBy.addEventListener('input', () => stored.set('changedBy', dom.changedBy.value.trim()));
  dom.language.addEventListener('click', switchLanguage);
  dom.filters.addEventListener('submit', (event) => { event.preventDefault(); closeDetail(); loadList(false); });
  dom.more.addEventListener('click', () => loadList(true));
  dom.close.addEventListener('click', closeDetail);
  for (const form of dom.detail.querySelectorAll('form.action')) form.addEventListener('submit', act);
  document.addEventListener('keydown', (event) => { if (event.key === 'Escape' && !dom.detail.hidden) closeDetail(); });

  if (dom.municipality.value) loadList(false); else { announce(t('needMunicipality')); dom.municipality.focus(); }
}

start();
