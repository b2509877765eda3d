// The Steward playground: a small chat client for the page the server renders. The server sends
// HTML fragments (it alone turns neutral messages into markup); this script places them, keeps
// replies only the person sees, completes commands, runs the form dialog and listens for changes.
(() => {
  'use strict';

  const body = document.body;
  const $ = (selector, root = document) => root.querySelector(selector);
  const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));

  const state = {
    person: body.dataset.person || '',
    conversation: body.dataset.conversation,
    ephemerals: new Map(), // conversation -> [{ afterId, element }], kept in this page only
    refreshing: false,
    again: false,
    replies: 0,
  };
  const commands = JSON.parse(body.dataset.commands || '[]');

  const scroller = $('[data-scroll]');
  const dialog = $('[data-form-dialog]');
  const composerForm = $('[data-composer-form]');
  const composer = $('[data-composer]');
  const sendButton = $('[data-send]');
  const suggestionList = $('[data-autocomplete]');

  function fragment(html) {
    const template = document.createElement('template');
    template.innerHTML = html.trim();
    return template.content;
  }

  async function post(path, payload) {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Steward-Playground': '1' },
      body: JSON.stringify(payload),
    });
    if (!response.ok) {
      throw new Error(`${path} answered ${response.status}`);
    }
    return response.text();
  }

  /** How live updates name a conversation this page calls c. */
  function keyOf(c) {
    return c === 'dm' ? `dm:${state.person}` : c;
  }

  function pageUrl(person, c) {
    const params = new URLSearchParams();
    if (person) params.set('as', person);
    params.set('c', c);
    return `?${params}`;
  }

  function nearBottom() {
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 48;
  }

  function toBottom() {
    scroller.scrollTop = scroller.scrollHeight;
  }

  // --- conversations ---------------------------------------------------------------------------

  function openConversation(c) {
    const link = $$('[data-conversation-link]').find(a => a.dataset.conversation === c);
    if (!link) return;
    state.conversation = c;
    body.dataset.conversation = c;
    $$('[data-conversation-link]').forEach(a => a.classList.toggle('active', a === link));
    link.classList.remove('unread');
    $('[data-conversation-title]').textContent = link.dataset.title;
    $('[data-conversation-topic]').textContent = link.dataset.topic;
    if (state.person) composer.placeholder = link.dataset.placeholder;
    history.replaceState(null, '', pageUrl(state.person, c));
    refresh();
  }

  /** Fetches the open conversation again; calls while one is under way coalesce into one more. */
  async function refresh() {
    if (state.refreshing) {
      state.again = true;
      return;
    }
    state.refreshing = true;
    try {
      do {
        state.again = false;
        const c = state.conversation;
        const params = new URLSearchParams({ c });
        if (state.person) params.set('as', state.person);
        const response = await fetch(`playground/conversation?${params}`);
        if (!response.ok) throw new Error(`conversation answered ${response.status}`);
        const html = await response.text();
        if (c === state.conversation) {
          show(html);
        } else {
          state.again = true;
        }
      } while (state.again);
    } catch (error) {
      console.warn('Steward playground: could not load the conversation', error);
    } finally {
      state.refreshing = false;
    }
  }

  /** Shows a conversation, keeping the messages that did not change (and what refers to them). */
  function show(html) {
    const fresh = fragment(html).querySelector('[data-messages]');
    const list = $('[data-messages]');
    const same = list.dataset.conversation === fresh.dataset.conversation;
    const stay = same && nearBottom();
    const old = new Map(same ? $$('[data-message-id]', list).map(el => [el.dataset.messageId, el]) : []);
    const nodes = Array.from(fresh.children).map(el => {
      const previous = el.dataset.messageId && old.get(el.dataset.messageId);
      return previous && previous.dataset.version === el.dataset.version ? previous : el;
    });
    list.dataset.conversation = fresh.dataset.conversation;
    list.dataset.key = fresh.dataset.key;
    list.replaceChildren(...nodes);
    placeEphemerals(list);
    if (stay || !same) toBottom();
    body.dataset.shown = fresh.dataset.conversation;
  }

  function markUnread(key) {
    const link = $$('[data-conversation-link]').find(a => keyOf(a.dataset.conversation) === key);
    if (link && !link.classList.contains('active')) link.classList.add('unread');
  }

  // --- replies only the person sees --------------------------------------------------------------

  /** Keeps a reply for the conversation it answers, and shows it if that conversation is open. */
  function addEphemeral(article, c) {
    const list = $('[data-messages]');
    const shown = list.dataset.conversation === c;
    const persisted = shown ? $$('[data-message-id]', list) : [];
    // after the last message it came after; '*' (the conversation was left meanwhile) means at the end
    const afterId = shown ? (persisted.length ? persisted[persisted.length - 1].dataset.messageId : null) : '*';
    const entries = state.ephemerals.get(c) || [];
    entries.push({ afterId, element: article });
    state.ephemerals.set(c, entries);
    if (shown) {
      list.appendChild(article);
      toBottom();
    }
  }

  /** Puts each kept reply back after the message that was last when it came. */
  function placeEphemerals(list) {
    for (const { afterId, element } of state.ephemerals.get(list.dataset.conversation) || []) {
      let before;
      if (afterId === '*') {
        before = null;
      } else if (afterId) {
        const anchor = list.querySelector(`[data-message-id="${CSS.escape(afterId)}"]`);
        before = anchor ? anchor.nextElementSibling : null;
      } else {
        before = list.firstElementChild;
      }
      while (before && (before.dataset.ephemeral || 'empty' in before.dataset)) {
        before = before.nextElementSibling;
      }
      list.insertBefore(element, before);
    }
  }

  function dismiss(article) {
    for (const [c, entries] of state.ephemerals) {
      state.ephemerals.set(c, entries.filter(entry => entry.element !== article));
    }
    article.remove();
  }

  /** A reply written here, when the server could not be reached. */
  function localEphemeral(message) {
    const article = document.createElement('article');
    article.className = 'message ephemeral';
    article.dataset.ephemeral = 'true';
    const avatar = document.createElement('div');
    avatar.className = 'avatar';
    avatar.textContent = 'S';
    const main = document.createElement('div');
    main.className = 'message-main';
    const meta = document.createElement('header');
    meta.className = 'message-meta';
    const author = document.createElement('strong');
    author.className = 'author';
    author.textContent = body.dataset.textBot;
    const only = document.createElement('span');
    only.className = 'only-you';
    only.textContent = body.dataset.textEphemeral;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'dismiss';
    close.dataset.dismiss = '';
    close.title = body.dataset.textDismiss;
    close.textContent = '×';
    meta.append(author, only, close);
    const content = document.createElement('div');
    content.className = 'message-body';
    content.dataset.messageBody = '';
    const text = document.createElement('div');
    text.className = 'block-text';
    text.textContent = message;
    content.append(text);
    main.append(meta, content);
    article.append(avatar, main);
    return article;
  }

  // --- replies -----------------------------------------------------------------------------------

  /** Does what a reply says; c is the conversation the request was made in. */
  function handleReply(html, c) {
    const reply = fragment(html).querySelector('[data-reply]');
    switch (reply && reply.dataset.reply) {
      case 'ephemeral':
        closeForm();
        addEphemeral(reply.querySelector('[data-ephemeral]'), c);
        break;
      case 'form':
        showForm(reply.querySelector('[data-form]'));
        break;
      case 'errors':
        showErrors(reply);
        break;
      default:
        closeForm();
    }
    replied();
  }

  function failed(error, c) {
    console.warn('Steward playground: request failed', error);
    addEphemeral(localEphemeral(body.dataset.textNetwork), c);
    replied();
  }

  /** Counts handled replies, so a test (or a curious person) can tell an answer has arrived. */
  function replied() {
    state.replies += 1;
    body.dataset.replies = String(state.replies);
  }

  // --- the form dialog ---------------------------------------------------------------------------

  function showForm(form) {
    dialog.replaceChildren(form);
    if (!dialog.open) dialog.showModal();
    const first = $('.has-error [data-input-key]', form) || $('[data-input-key]', form);
    if (first) first.focus();
  }

  function closeForm() {
    if (dialog.open) dialog.close();
    dialog.replaceChildren();
  }

  function showErrors(reply) {
    const form = $('[data-form]', dialog);
    if (!form) return;
    $$('.form-error', form).forEach(p => { p.textContent = ''; });
    $$('.form-field', form).forEach(field => field.classList.remove('has-error'));
    const general = [];
    for (const item of $$('[data-error-for]', reply)) {
      const key = item.dataset.errorFor;
      const slot = form.querySelector(`.form-field .form-error[data-error-for="${CSS.escape(key)}"]`);
      if (slot) {
        slot.textContent = item.textContent;
        slot.closest('.form-field').classList.add('has-error');
      } else {
        general.push(item.textContent);
      }
    }
    $('[data-form-general-error]', form).textContent = general.join(' ');
    const first = $('.has-error [data-input-key]', form);
    if (first) first.focus();
  }

  dialog.addEventListener('submit', async event => {
    event.preventDefault();
    const form = event.target.closest('[data-form]');
    const submit = $('[data-form-submit]', form);
    const values = {};
    $$('[data-input-key]', form).forEach(input => { values[input.dataset.inputKey] = input.value; });
    const c = state.conversation;
    submit.disabled = true;
    try {
      handleReply(await post('playground/submit', {
        as: state.person,
        c,
        session: form.dataset.session,
        page: Number(form.dataset.page),
        values,
      }), c);
    } catch (error) {
      failed(error, c);
    } finally {
      submit.disabled = false;
    }
  });

  dialog.addEventListener('click', event => {
    if (event.target.closest('[data-form-cancel]')) closeForm();
    const option = event.target.closest('[data-choice-value]');
    if (option) pick(option);
  });

  // --- searchable inputs: the list follows what is typed; the server says what may be chosen ------

  let pickerTimer = null;
  let pickerRequests = 0;

  async function loadChoices(picker) {
    const form = picker.closest('[data-form]');
    const filter = $('[data-picker-filter]', picker);
    const query = filter.value;
    const request = ++pickerRequests;
    const params = new URLSearchParams({
      as: state.person, session: form.dataset.session, key: picker.dataset.pickerKey, q: query,
    });
    const response = await fetch(`playground/choices?${params}`);
    // a slower answer to an earlier query must not replace a newer one
    if (!response.ok || request !== pickerRequests) return;
    const choices = await response.json();
    const list = $('[data-picker-options]', picker);
    list.replaceChildren(...choices.map(choice => {
      const item = document.createElement('li');
      item.className = 'picker-option';
      item.setAttribute('role', 'option');
      item.dataset.choiceValue = choice.value;
      item.textContent = choice.label;
      return item;
    }));
    picker.dataset.query = query;
  }

  function pick(option) {
    const picker = option.closest('[data-picker]');
    $('input[type=hidden][data-input-key]', picker).value = option.dataset.choiceValue;
    $('[data-picker-filter]', picker).value = option.textContent;
    $('[data-picker-options]', picker).replaceChildren();
  }

  dialog.addEventListener('input', event => {
    const filter = event.target.closest('[data-picker-filter]');
    if (!filter) return;
    const picker = filter.closest('[data-picker]');
    // typed but not picked: the kernel takes an exact code or a whole name
    $('input[type=hidden][data-input-key]', picker).value = filter.value;
    clearTimeout(pickerTimer);
    pickerTimer = setTimeout(() => loadChoices(picker).catch(() => {}), 150);
  });
  dialog.addEventListener('focusin', event => {
    const filter = event.target.closest('[data-picker-filter]');
    if (filter) loadChoices(filter.closest('[data-picker]')).catch(() => {});
  });
  dialog.addEventListener('close', () => dialog.replaceChildren());

  // --- buttons in messages -----------------------------------------------------------------------

  scroller.addEventListener('click', async event => {
    const close = event.target.closest('[data-dismiss]');
    if (close) {
      dismiss(close.closest('[data-ephemeral]'));
      return;
    }
    const button = event.target.closest('[data-action-id]');
    if (!button || !state.person) return;
    const c = state.conversation;
    button.disabled = true;
    try {
      handleReply(await post('playground/action', { as: state.person, c, id: button.dataset.actionId }), c);
    } catch (error) {
      failed(error, c);
    } finally {
      button.disabled = false;
    }
  });

  // --- the composer and its autocomplete ---------------------------------------------------------

  let suggestions = [];
  let active = -1;

  /** What completes the typed text: command words first, then the chosen word's subcommands. */
  function complete(value) {
    if (!value.startsWith('/')) return [];
    const rest = value.slice(1);
    const space = rest.search(/\s/);
    if (space < 0) {
      const prefix = rest.toLowerCase();
      const words = [...new Set(commands.map(c => c.word))].filter(word => word.startsWith(prefix));
      return words.map(word => ({
        label: `/${word}`,
        detail: commands.filter(c => c.word === word && c.sub).map(c => c.sub).join(' · '),
        completion: `/${word} `,
      }));
    }
    const word = rest.slice(0, space).toLowerCase();
    const after = rest.slice(space).replace(/^\s+/, '');
    if (/\s/.test(after)) return [];
    const prefix = after.toLowerCase();
    return commands
      .filter(c => c.word === word && (c.sub ? c.sub.startsWith(prefix) : prefix === ''))
      .map(c => {
        const typed = `/${c.word}${c.sub ? ` ${c.sub}` : ''}`;
        return {
          label: c.usage ? `${typed} ${c.usage}` : typed,
          detail: c.description,
          completion: c.usage ? `${typed} ` : typed,
        };
      });
  }

  function suggest() {
    suggestions = complete(composer.value);
    active = suggestions.length ? 0 : -1;
    renderSuggestions();
  }

  function renderSuggestions() {
    suggestionList.replaceChildren(...suggestions.map((item, index) => {
      const li = document.createElement('li');
      li.setAttribute('role', 'option');
      li.dataset.suggestion = item.label;
      li.dataset.index = String(index);
      li.classList.toggle('active', index === active);
      li.setAttribute('aria-selected', String(index === active));
      const label = document.createElement('span');
      label.className = 'suggestion-label';
      label.textContent = item.label;
      const detail = document.createElement('span');
      detail.className = 'suggestion-detail';
      detail.textContent = item.detail;
      li.append(label, detail);
      return li;
    }));
    suggestionList.hidden = suggestions.length === 0;
    composer.setAttribute('aria-expanded', String(suggestions.length > 0));
  }

  function hideSuggestions() {
    suggestions = [];
    active = -1;
    renderSuggestions();
  }

  function accept(index) {
    composer.value = suggestions[index].completion;
    composer.focus();
    suggest();
  }

  composer.addEventListener('input', suggest);
  composer.addEventListener('focus', suggest);
  composer.addEventListener('blur', hideSuggestions);
  composer.addEventListener('keydown', event => {
    if (!suggestions.length) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        active = (active + step + suggestions.length) % suggestions.length;
        renderSuggestions();
        break;
      }
      case 'Tab':
        event.preventDefault();
        accept(Math.max(active, 0));
        break;
      case 'Enter':
        if (active >= 0 && suggestions[active].completion.trim() !== composer.value.trim()) {
          event.preventDefault();
          accept(active);
        }
        break;
      case 'Escape':
        event.preventDefault();
        hideSuggestions();
        break;
      default:
    }
  });
  suggestionList.addEventListener('mousedown', event => {
    const item = event.target.closest('[data-index]');
    if (!item) return;
    event.preventDefault(); // keeps the focus in the composer
    accept(Number(item.dataset.index));
  });
  suggestionList.addEventListener('mousemove', event => {
    const item = event.target.closest('[data-index]');
    if (item && Number(item.dataset.index) !== active) {
      active = Number(item.dataset.index);
      renderSuggestions();
    }
  });

  composerForm.addEventListener('submit', async event => {
    event.preventDefault();
    const typed = composer.value.trim();
    if (!typed || !state.person) return;
    hideSuggestions();
    const c = state.conversation;
    sendButton.disabled = true;
    try {
      const html = await post('playground/command', { as: state.person, c, text: typed });
      composer.value = '';
      handleReply(html, c);
    } catch (error) {
      failed(error, c);
    } finally {
      sendButton.disabled = false;
      composer.focus();
    }
  });

  // --- who, where, and live updates --------------------------------------------------------------

  $('[data-person-select]').addEventListener('change', event => {
    const c = state.conversation === 'dm' ? 'dm' : state.conversation;
    location.assign(pageUrl(event.target.value, c));
  });

  $$('[data-conversation-link]').forEach(link => link.addEventListener('click', event => {
    event.preventDefault();
    openConversation(link.dataset.conversation);
  }));

  function listen() {
    const params = new URLSearchParams();
    if (state.person) params.set('as', state.person);
    const source = new EventSource(`playground/events?${params}`);
    source.addEventListener('open', () => {
      body.dataset.live = 'on';
      refresh(); // whatever changed while the stream was down
    });
    source.addEventListener('error', () => { body.dataset.live = 'off'; });
    source.addEventListener('changed', event => {
      if (event.data === keyOf(state.conversation)) {
        refresh();
      } else {
        markUnread(event.data);
      }
    });
    window.addEventListener('pagehide', () => source.close());
    // a page brought back from the browser's cache has a closed stream: load it afresh
    window.addEventListener('pageshow', event => { if (event.persisted) location.reload(); });
  }

  if (state.person) history.replaceState(null, '', pageUrl(state.person, state.conversation));
  body.dataset.shown = $('[data-messages]').dataset.conversation;
  toBottom();
  listen();
  if (state.person) composer.focus();
  body.dataset.ready = 'true';
})();
