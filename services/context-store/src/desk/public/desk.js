// Warmline agent desk: a live list of escalations and, for the selected one, everything the human
// needs to continue the call. Plain browser JavaScript, no build step. Data is only ever inserted
// as text (textContent), never as HTML: transcripts are what callers said.
'use strict';

(() => {
  /** callId → list entry; callId → full context (from the stream or /api/calls/<id>). */
  const items = new Map();
  const contexts = new Map();
  let selected = null;

  const $ = (id) => document.getElementById(id);

  /** An element with a class and text. */
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const clock = (iso) =>
    new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  /** Time since the call started, as m:ss. */
  const offset = (ms) => {
    const s = Math.floor(ms / 1000);
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  };

  /** Appends text, showing redaction markers ("[card number redacted]") as highlighted chips. */
  const appendText = (parent, text) => {
    const marker = /\[[^\]]*redacted\]/g;
    let at = 0;
    for (const match of text.matchAll(marker)) {
      parent.append(text.slice(at, match.index));
      parent.append(el('mark', 'redacted', match[0].slice(1, -1)));
      at = match.index + match[0].length;
    }
    parent.append(text.slice(at));
  };

  // ---- the list -------------------------------------------------------------------------------

  const renderList = () => {
    const list = $('escalations');
    const sorted = [...items.values()].sort((a, b) => b.escalatedAt.localeCompare(a.escalatedAt));
    list.replaceChildren(
      ...sorted.map((item) => {
        const li = el('li', item.callId === selected ? 'selected' : '');
        if (item.fresh) li.classList.add('new');
        li.dataset.callId = item.callId;
        const button = el('button');
        button.type = 'button';
        const top = el('div', 'row');
        top.append(
          el('span', 'number', item.callerNumber || 'Unknown caller'),
          el('span', 'time', clock(item.escalatedAt)),
        );
        const reason = el('div', 'reason', item.reason);
        const status = el('div', item.ringing ? 'status ringing' : 'status', item.status);
        button.append(top, reason, status);
        button.addEventListener('click', () => select(item.callId));
        li.append(button);
        return li;
      }),
    );
    $('count').textContent = String(items.size);
    $('empty-list').hidden = items.size > 0;
    const ringing = sorted.filter((item) => item.ringing).length;
    document.title = `${ringing > 0 ? `(${ringing}) ` : ''}Warmline · Agent desk`;
  };

  // ---- one call's context ---------------------------------------------------------------------

  const renderTurn = (turn) => {
    const classes = ['turn', turn.speaker];
    if (turn.announcement) classes.push('announcement');
    if (turn.calleeOnly) classes.push('callee-only');
    const li = el('li', classes.join(' '));
    const who =
      turn.speaker === 'caller'
        ? 'Caller'
        : turn.calleeOnly
          ? 'AI briefing (only you heard it)'
          : turn.announcement
            ? 'AI · handoff line'
            : 'AI agent';
    const meta = el('div', 'meta');
    meta.append(el('span', '', who), el('span', '', offset(turn.offsetMs)));
    const bubble = el('div', 'bubble');
    const heard = turn.heardText;
    if (turn.speaker === 'agent' && turn.interrupted && heard && turn.text.startsWith(heard)) {
      appendText(bubble, heard);
      const rest = el('span', 'unheard');
      appendText(rest, turn.text.slice(heard.length));
      rest.title = 'Not heard: the caller interrupted';
      bubble.append(rest);
    } else {
      appendText(bubble, turn.text);
    }
    li.append(meta, bubble);
    if (turn.interrupted)
      li.append(el('div', 'note', 'Caller interrupted; struck-through words were not heard.'));
    return li;
  };

  const renderContext = (ctx) => {
    $('placeholder').hidden = true;
    $('context').hidden = false;
    $('ring-banner').hidden = !ctx.ringing;
    $('caller-number').textContent = ctx.callerNumber || 'Unknown caller';
    const since = ctx.startedAt ? `called at ${clock(ctx.startedAt)}` : '';
    $('caller-meta').textContent = [since, ctx.connectorId && `line ${ctx.connectorId}`, ctx.state]
      .filter(Boolean)
      .join(' · ');
    const status = $('status');
    status.textContent = ctx.status;
    status.className = `status-pill${ctx.ringing ? ' ringing' : ctx.outcome ? ' done' : ''}`;
    $('step').textContent = ctx.step && !ctx.outcome ? `handoff step: ${ctx.step}` : '';
    $('reason').textContent = ctx.reason;
    $('reason-detail').replaceChildren();
    appendText($('reason-detail'), ctx.detail);
    $('summary').replaceChildren();
    appendText($('summary'), ctx.summary);
    $('summary-source').textContent =
      { saga: '· from the handoff', ai: '· from the AI', generated: '· generated from the turns' }[
        ctx.summarySource
      ] || '';
    $('turns').replaceChildren(...ctx.turns.map(renderTurn));
    $('voicemail').hidden = !ctx.voicemailTranscript;
    $('voicemail-text').textContent = ctx.voicemailTranscript;
    $('timeline').replaceChildren(
      ...ctx.timeline.map((entry) => {
        const li = el('li');
        li.append(
          el('span', 'at', offset(entry.offsetMs)),
          `${entry.label}${entry.detail ? ` — ${entry.detail}` : ''}`,
        );
        return li;
      }),
    );
  };

  const select = async (callId) => {
    selected = callId;
    renderList();
    const known = contexts.get(callId);
    if (known) renderContext(known);
    const response = await fetch(`/api/calls/${encodeURIComponent(callId)}`);
    if (!response.ok || selected !== callId) return;
    const ctx = await response.json();
    contexts.set(callId, ctx);
    renderContext(ctx);
  };

  // ---- live updates ---------------------------------------------------------------------------

  /** A new or changed escalation: update it, and pop it up when it is new or starts ringing. */
  const onEscalation = (ctx) => {
    const before = items.get(ctx.callId);
    if (before && before.version > ctx.version) return;
    items.set(ctx.callId, { ...ctx, fresh: !before });
    contexts.set(ctx.callId, ctx);
    const pop = !before || (ctx.ringing && !before.ringing);
    if (pop) selected = ctx.callId;
    renderList();
    if (selected === ctx.callId) renderContext(ctx);
    if (!before)
      setTimeout(() => {
        const item = items.get(ctx.callId);
        if (item) item.fresh = false;
      }, 1600);
  };

  const connect = () => {
    const live = $('live');
    const stream = new EventSource('/api/escalations/stream');
    stream.addEventListener('open', () => {
      live.dataset.state = 'live';
      $('live-text').textContent = 'Live';
    });
    stream.addEventListener('error', () => {
      live.dataset.state = 'connecting';
      $('live-text').textContent = 'Reconnecting…';
    });
    stream.addEventListener('snapshot', (event) => {
      const { escalations } = JSON.parse(event.data);
      for (const item of escalations) if (!items.has(item.callId)) items.set(item.callId, item);
      renderList();
    });
    stream.addEventListener('escalation', (event) => onEscalation(JSON.parse(event.data)));
  };

  connect();
})();
