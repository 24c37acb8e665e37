// The Lock Screen preview of the ActivitySmith local server.
//
// It draws what the server holds (sent to it as JSON over Server-Sent Events) as an iPhone
// would show it. Everything a request sent is written with textContent: no markup from the
// server is ever parsed, no URL is ever loaded or followed, and class names come only from
// the lists below. Timers and dismissals tick here from the state's own fields.
"use strict";

(() => {
  const COLORS = new Set([
    "lime", "green", "cyan", "blue", "purple", "magenta", "red", "orange", "yellow", "gray",
  ]);
  const TYPES = new Set(["metrics", "stats", "segmented_progress", "progress", "timer", "alert", "value"]);
  // The types that show a badge and a second button (the others ignore them).
  const BADGE_TYPES = new Set(["alert", "progress", "segmented_progress", "value"]);
  const LEVELS = { passive: "Passive", active: "Active", "time-sensitive": "Time Sensitive" };
  const TYPE_GLYPHS = {
    metrics: "▦", stats: "≣", segmented_progress: "▤", progress: "◔", timer: "⏱", alert: "!", value: "◆",
  };
  // SF Symbols cannot be drawn here; a glyph hints at the symbol, its name is the tooltip.
  const SYMBOL_GLYPHS = [
    ["exclamationmark", "!"], ["checkmark", "✓"], ["xmark", "✕"], ["bolt", "ϟ"], ["clock", "◷"],
    ["timer", "◷"], ["cloud", "☁"], ["arrow.up", "↑"], ["arrow.down", "↓"], ["heart", "♥"],
    ["star", "★"], ["bell", "♪"], ["cart", "⊞"], ["drive", "▭"], ["server", "▤"], ["cpu", "▣"],
    ["flame", "▲"], ["person", "●"], ["gear", "⚙"], ["hammer", "⚒"], ["lock", "▮"],
  ];
  const MAX_LOG = 2000;

  const $ = (id) => document.getElementById(id);
  let state = null;
  let offset = 0; // server clock minus this browser's clock, in ms
  let device = "";
  let nextDismissal = Infinity;
  const expanded = new Set();
  const lastSeen = new Map(); // item key -> newest request number drawn, to flash changes

  // -- small helpers ------------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function colorName(value, fallback) {
    return COLORS.has(value) ? value : fallback;
  }

  function tinted(node, value, fallback) {
    const name = colorName(value, fallback);
    if (name) {
      node.classList.add("c-" + name);
      node.dataset.color = name;
    }
    return node;
  }

  function isNumber(value) {
    return typeof value === "number" && Number.isFinite(value);
  }

  function serverNow() {
    return Date.now() + offset;
  }

  function parseTime(stamp) {
    const parsed = Date.parse(stamp);
    return Number.isNaN(parsed) ? null : parsed;
  }

  function clockText(totalSeconds) {
    const seconds = Math.max(0, Math.floor(totalSeconds));
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const two = (n) => String(n).padStart(2, "0");
    return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
  }

  function ago(stamp) {
    const then = parseTime(stamp);
    if (then === null) return "";
    const seconds = Math.max(0, (serverNow() - then) / 1000);
    if (seconds < 60) return "now";
    if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
    return `${Math.floor(seconds / 3600)}h ago`;
  }

  function shortUrl(url) {
    if (!url) return "";
    const path = url.url.replace(/^[A-Za-z][A-Za-z0-9+.-]*:(\/\/)?/, "");
    return path.length > 60 ? path.slice(0, 57) + "…" : path;
  }

  function forDevice(item) {
    return !device || (item.devices || []).includes(device);
  }

  function metricText(metric) {
    if (!metric || typeof metric !== "object") return "";
    const unit = typeof metric.unit === "string" ? metric.unit : "";
    return `${metric.value ?? ""}${unit}`;
  }

  function symbolGlyph(symbol, fallback) {
    if (typeof symbol !== "string" || !symbol) return fallback;
    for (const [part, glyph] of SYMBOL_GLYPHS) if (symbol.includes(part)) return glyph;
    return symbol.charAt(0).toUpperCase();
  }

  function flashIfChanged(node, key, requests) {
    const newest = requests && requests.length ? requests[requests.length - 1] : 0;
    const before = lastSeen.get(key);
    if (before !== undefined && before !== newest) node.classList.add("just-changed");
    lastSeen.set(key, newest);
  }

  function toast(text) {
    const box = $("toast");
    box.textContent = text;
    box.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { box.hidden = true; }, 4000);
  }

  // What pressing a button would do, in words: the page never opens or calls anything.
  function actionEffect(action) {
    if (!action) return "";
    const where = action.url ? action.url.url : "(no URL)";
    if (action.type === "webhook") {
      const body = action.body ? ` with ${action.body.replace(/\s+/g, " ")}` : "";
      return `ActivitySmith calls ${action.method || "POST"} ${where}${body}`;
    }
    if (action.type === "open_url") return `Opens ${where}`;
    return `${action.type}: ${where}`;
  }

  function actionButton(action, role, className) {
    const button = el("button", className, action.title || "(untitled)");
    button.type = "button";
    button.dataset.actionType = action.type;
    button.dataset.role = role;
    button.addEventListener("click", (event) => {
      event.stopPropagation();
      toast(`Would do: ${actionEffect(action)}`);
    });
    const wrap = el("div", "action");
    wrap.append(button, el("div", "action-effect", actionEffect(action)));
    return wrap;
  }

  function requestLinks(numbers) {
    const links = el("span", "request-links");
    const shown = numbers.slice(-6);
    if (numbers.length > shown.length) links.append(el("span", "more", `${numbers.length - shown.length} earlier, `));
    for (const number of shown) {
      const link = el("button", "request-link", `#${number}`);
      link.type = "button";
      link.dataset.request = String(number);
      link.title = `Show request #${number} in the log`;
      link.addEventListener("click", (event) => {
        event.stopPropagation();
        showRequest(number);
      });
      links.append(link);
    }
    return links;
  }

  function meta(parts, numbers) {
    const footer = el("footer", "meta");
    for (const part of parts) if (part) footer.append(el("span", "meta-part", part));
    if (numbers && numbers.length) footer.append(requestLinks(numbers));
    return footer;
  }

  function remoteImage(url, kind, className) {
    // Remote images are never loaded: a placeholder names the file and its host.
    const box = el("div", `remote ${className} kind-${kind}`);
    box.append(el("span", "remote-glyph", { image: "▣", audio: "♪", video: "▶" }[kind] || "▣"));
    box.append(el("span", "remote-name", url.name || url.host || url.url));
    box.append(el("span", "remote-host", url.host));
    box.title = `${url.url} (not loaded: the preview makes no remote requests)`;
    return box;
  }

  // -- Live Activities ----------------------------------------------------------------

  function progressFraction(s) {
    if (isNumber(s.percentage)) return { fraction: s.percentage / 100, label: `${+s.percentage.toFixed(1)}%` };
    if (isNumber(s.value) && isNumber(s.upper_limit) && s.upper_limit > 0) {
      return { fraction: s.value / s.upper_limit, label: `${s.value} / ${s.upper_limit}` };
    }
    return { fraction: 0, label: "" };
  }

  // The short value beside the title: on the Lock Screen only where the body does not already
  // show it; in the compact Dynamic Island for every type.
  function trailingText(a, where) {
    const s = a.state;
    const island = where === "island";
    switch (a.type) {
      case "progress": {
        const { fraction } = progressFraction(s);
        return `${Math.round(Math.max(0, Math.min(1, fraction)) * 100)}%`;
      }
      case "segmented_progress":
        return `${s.current_step ?? 0}/${s.number_of_steps ?? "?"}`;
      case "metrics":
      case "stats":
        return island && Array.isArray(s.metrics) && s.metrics.length ? metricText(s.metrics[0]) : "";
      case "alert":
        return island ? (s.badge && typeof s.badge.title === "string" ? s.badge.title : "!") : "";
      case "value":
        return island ? String(s.value ?? "") : "";
      default:
        return "";
    }
  }

  function timerNode(a, className) {
    const node = el("span", className);
    node.dataset.timer = "1";
    node.dataset.since = a.timer.since;
    node.dataset.elapsed = String(a.timer.elapsed);
    node.dataset.running = a.timer.running ? "1" : "";
    node.dataset.countsDown = a.timer.counts_down ? "1" : "";
    node.dataset.duration = a.timer.duration === null ? "" : String(a.timer.duration);
    node.dataset.ended = a.ended ? "1" : "";
    updateTimer(node);
    return node;
  }

  function updateTimer(node) {
    let elapsed = Number(node.dataset.elapsed) || 0;
    const since = parseTime(node.dataset.since);
    if (node.dataset.running && since !== null) elapsed += Math.max(0, (serverNow() - since) / 1000);
    let shown = elapsed;
    let stateName = node.dataset.ended ? "ended" : node.dataset.running ? "running" : "paused";
    if (node.dataset.countsDown) {
      const duration = Number(node.dataset.duration) || 0;
      shown = Math.max(0, duration - elapsed);
      if (shown === 0 && stateName === "running") stateName = "finished";
    }
    node.textContent = clockText(shown);
    node.dataset.timerState = stateName;
    node.dataset.seconds = String(Math.floor(shown));
  }

  function typeBody(a) {
    const s = a.state;
    const accent = colorName(s.color, "blue");
    const body = el("div", `la-body body-${a.type}`);
    switch (a.type) {
      case "progress": {
        const { fraction, label } = progressFraction(s);
        const clamped = Math.max(0, Math.min(1, fraction));
        const bar = tinted(el("div", "bar"), accent);
        bar.setAttribute("role", "progressbar");
        bar.setAttribute("aria-valuemin", "0");
        bar.setAttribute("aria-valuemax", "100");
        bar.setAttribute("aria-valuenow", String(Math.round(clamped * 100)));
        bar.dataset.percentage = String(Math.round(clamped * 1000) / 10);
        const fill = el("div", "fill");
        fill.style.width = `${clamped * 100}%`;
        bar.append(fill);
        body.append(bar);
        if (!isNumber(s.percentage) && label) body.append(el("div", "bar-label", label));
        break;
      }
      case "segmented_progress": {
        const steps = Math.max(1, Math.min(60, Math.floor(Number(s.number_of_steps) || 1)));
        const done = Math.max(0, Math.min(steps, Math.floor(Number(s.current_step) || 0)));
        const colors = Array.isArray(s.step_colors) ? s.step_colors : [];
        const row = el("div", "segments");
        row.dataset.steps = String(steps);
        row.dataset.currentStep = String(done);
        for (let i = 0; i < steps; i += 1) {
          const seg = el("span", "seg");
          if (i < done) tinted(seg, colors[i], accent).classList.add("done");
          else if (i === done) tinted(seg, s.step_color, accent).classList.add("current");
          else seg.classList.add("todo");
          row.append(seg);
        }
        body.append(row, el("div", "bar-label", `${done} of ${steps} steps done`));
        break;
      }
      case "metrics":
      case "stats": {
        const grid = el("div", a.type === "metrics" ? "metric-grid" : "stat-row");
        for (const metric of Array.isArray(s.metrics) ? s.metrics : []) {
          const tile = el("div", "metric");
          tinted(tile, metric && metric.color, a.type === "metrics" ? accent : null);
          tile.append(el("span", "metric-value", metricText(metric)));
          tile.append(el("span", "metric-label", metric && metric.label));
          if (a.type === "metrics" && metric && metric.unit === "%" && isNumber(metric.value)) {
            const gauge = el("span", "gauge");
            const fill = el("span", "fill");
            fill.style.width = `${Math.max(0, Math.min(100, metric.value))}%`;
            gauge.append(fill);
            tile.append(gauge);
          }
          grid.append(tile);
        }
        body.append(grid);
        break;
      }
      case "timer": {
        if (a.timer) {
          const row = tinted(el("div", "timer-row"), accent);
          row.append(timerNode(a, "timer-digits"));
          const mode = a.timer.counts_down ? `counting down from ${clockText(a.timer.duration || 0)}` : "counting up";
          row.append(el("span", "timer-mode", mode));
          body.append(row);
        }
        break;
      }
      case "alert":
        body.append(el("div", "alert-message", s.message));
        break;
      case "value":
        body.append(tinted(el("div", "value-readout", String(s.value ?? "")), accent));
        break;
      default:
        body.append(el("div", "unknown-type", `Type ${a.type}: not known to this preview`));
    }
    return body;
  }

  function activityHead(a) {
    const s = a.state;
    const head = el("div", "la-head");
    const icon = s.icon && typeof s.icon === "object" ? s.icon : null;
    const glyph = el("span", "la-icon", symbolGlyph(icon && icon.symbol, TYPE_GLYPHS[a.type] || "●"));
    tinted(glyph, icon ? icon.color : s.color, icon ? null : "blue");
    if (icon) {
      glyph.title = `SF Symbol ${icon.symbol}`;
      glyph.dataset.symbol = String(icon.symbol);
    }
    const titles = el("div", "la-titles");
    titles.append(el("div", "la-title", s.title));
    if (s.subtitle) titles.append(el("div", "la-subtitle", s.subtitle));
    head.append(glyph, titles);
    if (BADGE_TYPES.has(a.type) && s.badge && typeof s.badge === "object") {
      head.append(tinted(el("span", "la-badge", s.badge.title), s.badge.color, "gray"));
    }
    const trailing = trailingText(a, "lock");
    if (trailing) head.append(el("span", "la-trailing", trailing));
    return head;
  }

  function activityActions(a) {
    const row = el("div", "la-actions");
    const tint = colorName(a.state.color, "blue");
    if (a.action) row.append(tinted(actionButton(a.action, "primary", "la-action"), tint));
    if (a.secondary_action) {
      if (BADGE_TYPES.has(a.type)) row.append(tinted(actionButton(a.secondary_action, "secondary", "la-action"), tint));
      else row.append(el("div", "ignored-field", `secondary_action is not shown on ${a.type} activities`));
    }
    return row.childElementCount ? row : null;
  }

  function dismissText(a) {
    if (!a.dismiss) return "Ended";
    const at = parseTime(a.dismiss.at);
    const left = at === null ? 0 : (at - serverNow()) / 1000;
    if (left <= 0) return `Dismissed (${a.dismiss.source})`;
    return `Ended · removed in ${clockText(left)} (${a.dismiss.source})`;
  }

  function isDismissed(a) {
    if (!a.ended) return false;
    const at = a.dismiss ? parseTime(a.dismiss.at) : null;
    return at === null || at <= serverNow();
  }

  function activityCard(a) {
    const known = TYPES.has(a.type) ? a.type : "unknown";
    const card = el("article", `activity type-${known}`);
    tinted(card, a.state.color, "blue");
    card.dataset.kind = "activity";
    card.dataset.itemKey = `activity:${a.id}`;
    card.dataset.activityId = a.id;
    card.dataset.type = known;
    card.dataset.ended = a.ended ? "1" : "";
    if (a.ended) card.classList.add("ended");
    card.append(activityHead(a), typeBody(a));
    const actions = activityActions(a);
    if (actions) card.append(actions);
    if (a.ended) {
      const status = el("div", "la-status", dismissText(a));
      status.dataset.dismissAt = a.dismiss ? a.dismiss.at : "";
      card.append(status);
    }
    const where = a.stream_key !== null ? `stream ${a.stream_key}` : "started with start()";
    const updates = a.updates === 1 ? "1 update" : `${a.updates} updates`;
    card.append(meta([where, updates, a.devices.join(", ")], a.requests));
    flashIfChanged(card, card.dataset.itemKey, a.requests);
    return card;
  }

  function renderActivities() {
    const stack = $("activities");
    const dismissedBox = $("dismissed");
    const list = dismissedBox.querySelector(".dismissed-list");
    const shown = [];
    const gone = [];
    nextDismissal = Infinity;
    for (const a of state.activities) {
      if (!forDevice(a)) continue;
      if (isDismissed(a)) {
        gone.push(a);
      } else {
        shown.push(a);
        const at = a.ended && a.dismiss ? parseTime(a.dismiss.at) : null;
        if (at !== null) nextDismissal = Math.min(nextDismissal, at);
      }
    }
    stack.replaceChildren(...shown.map(activityCard));
    list.replaceChildren(...gone.reverse().map((a) => {
      const card = activityCard(a);
      card.classList.add("dismissed-card");
      return card;
    }));
    dismissedBox.hidden = gone.length === 0;
    dismissedBox.querySelector("summary").textContent =
      `${gone.length} dismissed Live Activit${gone.length === 1 ? "y" : "ies"} (no longer on the Lock Screen)`;
    return shown.length;
  }

  // -- the Dynamic Island ---------------------------------------------------------------

  function islandGlyph(a) {
    const s = a.state;
    const icon = s.icon && typeof s.icon === "object" ? s.icon : null;
    return tinted(el("span", "island-glyph", symbolGlyph(icon && icon.symbol, TYPE_GLYPHS[a.type] || "●")),
      icon ? icon.color : s.color, "blue");
  }

  function islandTrailing(a) {
    if (a.type === "timer" && a.timer) return tinted(timerNode(a, "island-trailing"), a.state.color, "blue");
    return tinted(el("span", "island-trailing", trailingText(a, "island")), a.state.color, "blue");
  }

  function fillCompact(node, a) {
    node.replaceChildren();
    node.classList.toggle("idle", !a);
    delete node.dataset.activityId;
    delete node.dataset.type;
    if (!a) return;
    node.dataset.activityId = a.id;
    node.dataset.type = a.type;
    node.append(islandGlyph(a), el("span", "island-gap"), islandTrailing(a));
  }

  function fillExpanded(node, a) {
    node.replaceChildren();
    node.classList.toggle("idle", !a);
    if (!a) {
      node.append(el("p", "island-empty", "No running Live Activity."));
      return;
    }
    node.dataset.activityId = a.id;
    node.dataset.type = a.type;
    const top = el("div", "island-top");
    const titles = el("div", "la-titles");
    titles.append(el("div", "la-title", a.state.title));
    if (a.state.subtitle) titles.append(el("div", "la-subtitle", a.state.subtitle));
    top.append(islandGlyph(a), titles, islandTrailing(a));
    node.append(top, typeBody(a));
    const actions = activityActions(a);
    if (actions) node.append(actions);
  }

  function renderIsland() {
    const running = state.activities.filter((a) => forDevice(a) && !a.ended);
    const newest = running.length ? running[running.length - 1] : null;
    fillCompact($("island"), newest);
    fillCompact($("island-compact"), newest);
    fillExpanded($("island-expanded"), newest);
    const minimal = $("island-minimal");
    const second = running.length > 1 ? running[running.length - 2] : null;
    minimal.replaceChildren();
    minimal.hidden = !second;
    if (second) {
      minimal.dataset.activityId = second.id;
      minimal.append(islandGlyph(second));
    }
  }

  // -- notifications --------------------------------------------------------------------

  function notificationIcon(n) {
    const box = el("div", "n-icon");
    if (n.icon) {
      box.append(remoteImage(n.icon, "image", "n-custom-icon"));
      const small = el("img", "n-app-small");
      small.src = "/_preview/icon.svg";
      small.alt = "";
      box.append(small);
    } else {
      const app = el("img", "n-app");
      app.src = "/_preview/icon.svg";
      app.alt = "ActivitySmith";
      box.append(app);
    }
    return box;
  }

  function notificationCard(n) {
    const level = Object.hasOwn(LEVELS, n.interruption_level) ? n.interruption_level : "active";
    const card = el("article", `notification level-${level}`);
    card.dataset.kind = "notification";
    card.dataset.itemKey = `notification:${n.id}`;
    card.dataset.notificationId = n.id;
    card.dataset.level = level;
    card.tabIndex = 0;
    if (level === "time-sensitive") card.append(el("div", "n-level-banner", "Time Sensitive"));
    const row = el("div", "n-row");
    const text = el("div", "n-text");
    const top = el("div", "n-top");
    top.append(el("span", "n-title", n.title));
    const when = el("span", "n-time", ago(n.sent_at));
    when.dataset.since = n.sent_at;
    top.append(when);
    text.append(top);
    if (n.subtitle) text.append(el("div", "n-subtitle", n.subtitle));
    if (n.message) text.append(el("div", "n-message", n.message));
    row.append(notificationIcon(n), text);
    if (n.media) row.append(remoteImage(n.media, n.media.kind === "media" ? "image" : n.media.kind, "n-thumb"));
    card.append(row);

    const extras = n.actions.length + (n.media ? 1 : 0);
    if (extras) {
      const open = expanded.has(n.id);
      const hint = el("div", "n-hint", open ? "Long-press view (click to close)" :
        `Press and hold (click) to see ${n.actions.length ? `${n.actions.length} action${n.actions.length === 1 ? "" : "s"}` : "the media"}`);
      card.append(hint);
      const more = el("div", "n-expanded");
      more.hidden = !open;
      if (n.media) {
        more.append(remoteImage(n.media, n.media.kind === "media" ? "image" : n.media.kind, "n-media-large"));
        more.append(el("div", "n-media-url", `${n.media.kind} · ${n.media.url}`));
      }
      for (const action of n.actions) more.append(actionButton(action, "notification", "n-action"));
      card.append(more);
      card.classList.toggle("expanded", open);
      const toggle = () => {
        if (expanded.has(n.id)) expanded.delete(n.id);
        else expanded.add(n.id);
        renderNotifications();
      };
      card.addEventListener("click", toggle);
      card.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          toggle();
        }
      });
    }
    const tap = n.redirection ? `Tap opens ${n.redirection.url}` : n.media ? `Tap opens the media` : "Tap opens the app";
    card.append(el("div", "n-tap", tap));
    const parts = [
      `Interruption level: ${LEVELS[level]}${n.interruption_level_sent ? "" : " (default)"}`,
      n.replaced ? `Replaced ${n.replaced}× (silently, in place)` : "",
      n.badge !== null ? `badge ${n.badge}` : "",
      n.sound ? `sound ${n.sound}` : "",
      n.devices.join(", "),
    ];
    card.append(meta(parts, n.requests));
    flashIfChanged(card, card.dataset.itemKey, n.requests);
    return card;
  }

  function renderNotifications() {
    const shown = state.notifications.filter(forDevice);
    $("notifications").replaceChildren(...shown.map(notificationCard));
    return shown.length;
  }

  // -- widgets and the app icon ---------------------------------------------------------

  function renderWidgets() {
    const row = $("widgets");
    row.replaceChildren(...state.widgets.map((w) => {
      const widget = el("div", "widget");
      widget.dataset.kind = "widget";
      widget.dataset.itemKey = `metric:${w.key}`;
      widget.dataset.metricKey = w.key;
      widget.append(el("span", "widget-value", w.value));
      widget.append(el("span", "widget-key", w.key));
      widget.append(requestLinks(w.requests));
      flashIfChanged(widget, widget.dataset.itemKey, w.requests);
      return widget;
    }));
    row.hidden = state.widgets.length === 0;
  }

  function renderBadge() {
    const badges = state.badges.filter((b) => !device || b.devices.includes(device));
    const latest = badges.length ? badges[badges.length - 1] : null;
    const icon = $("app-icon");
    const bubble = icon.querySelector(".app-badge");
    const count = latest ? latest.count : 0;
    icon.dataset.badge = latest ? String(count) : "";
    icon.dataset.itemKey = "badge:badge";
    bubble.hidden = !latest || count === 0;
    bubble.textContent = count > 99999 ? "99999+" : String(count);
    icon.setAttribute("aria-label", latest ? `ActivitySmith app icon, badge ${count}` : "ActivitySmith app icon, no badge");
    icon.title = latest && latest.request ? `App icon badge ${count}, set by request #${latest.request}` : "App icon badge";
    icon.dataset.request = latest && latest.request ? String(latest.request) : "";
  }

  // -- the request log ------------------------------------------------------------------

  function detailsBlock(summary, text, className) {
    const block = el("details", className);
    block.append(el("summary", null, summary), el("pre", null, text));
    return block;
  }

  function logItem(entry) {
    const item = el("li", "log-entry");
    item.id = `req-${entry.number}`;
    item.dataset.number = String(entry.number);
    item.dataset.status = entry.status === null ? "none" : String(entry.status);
    const status = entry.status === null ? "no answer" : String(entry.status);
    item.classList.add(entry.status === null ? "s-none" : `s-${String(entry.status).charAt(0)}xx`);
    const head = el("div", "log-head");
    head.append(el("span", "log-number", `#${entry.number}`), el("span", "log-method", entry.method),
      el("span", "log-path", entry.path + (entry.query ? `?${entry.query}` : "")), el("span", "log-status", status));
    item.append(head);
    const sub = el("div", "log-sub");
    const at = parseTime(entry.at);
    sub.append(el("span", "log-operation", entry.operation || "no operation"));
    if (at !== null) sub.append(el("span", "log-time", new Date(at).toLocaleTimeString()));
    if (entry.fault) sub.append(el("span", "log-fault", `injected fault: ${entry.fault}`));
    item.append(sub);
    const validation = el("div", `log-validation v-${entry.validation.result}`);
    validation.dataset.result = entry.validation.result;
    const mark = { valid: "✓ ", invalid: "✗ ", not_checked: "– " }[entry.validation.result] || "";
    validation.append(el("div", "v-note", mark + (entry.validation.result === "invalid" ? "invalid against openapi.yaml" : entry.validation.note)));
    if (entry.validation.problems.length) {
      const list = el("ul", "v-problems");
      for (const problem of entry.validation.problems) list.append(el("li", null, problem));
      validation.append(list);
    }
    item.append(validation);
    if (entry.targets.length) {
      const targets = el("div", "log-targets");
      for (const target of entry.targets) {
        const link = el("button", "target-link", `→ ${target.kind === "activity" ? "Live Activity" : target.kind}`);
        link.type = "button";
        link.addEventListener("click", () => showItem(`${target.kind}:${target.id}`));
        targets.append(link);
      }
      item.append(targets);
    }
    item.append(detailsBlock(`Request body · ${entry.body_bytes} bytes`, entry.body || "(empty)", "log-body"));
    item.append(detailsBlock("Headers", entry.headers.map(([k, v]) => `${k}: ${v}`).join("\n"), "log-headers"));
    if (entry.response !== null) item.append(detailsBlock("API answer", entry.response, "log-response"));
    return item;
  }

  function addLogEntries(entries, reset) {
    const list = $("log-list");
    if (reset) list.replaceChildren();
    for (const entry of entries) list.prepend(logItem(entry));
    while (list.childElementCount > MAX_LOG) list.lastElementChild.remove();
    $("log-count").textContent = String(list.childElementCount);
  }

  function highlight(node) {
    for (const old of document.querySelectorAll(".highlight")) old.classList.remove("highlight");
    node.classList.add("highlight");
    node.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  function showRequest(number) {
    const item = $(`req-${number}`);
    if (!item) {
      toast(`Request #${number} is no longer in the page's log.`);
      return;
    }
    const body = item.querySelector(".log-body");
    if (body) body.open = true;
    highlight(item);
  }

  function showItem(key) {
    for (const node of document.querySelectorAll("[data-item-key]")) {
      if (node.dataset.itemKey === key) {
        const box = node.closest("details");
        if (box) box.open = true;
        highlight(node);
        return;
      }
    }
    toast("That item is no longer drawn (dismissed, replaced, or on another device).");
  }

  // -- the whole page -------------------------------------------------------------------

  function renderDevices(names) {
    const select = $("device");
    const current = [...select.options].slice(1).map((o) => o.value);
    if (current.join("\n") === names.join("\n")) return;
    select.replaceChildren(el("option", null, "All devices"));
    select.options[0].value = "";
    for (const name of names) {
      const option = el("option", null, name);
      option.value = name;
      select.append(option);
    }
    select.value = names.includes(device) ? device : "";
    device = select.value;
  }

  function render() {
    if (!state) return;
    renderWidgets();
    const activities = renderActivities();
    const notifications = renderNotifications();
    renderBadge();
    renderIsland();
    $("empty").hidden = activities + notifications > 0 || state.widgets.length > 0;
    tick();
  }

  function tick() {
    const now = new Date(serverNow());
    $("clock").textContent = now.toLocaleTimeString([], { hour: "numeric", minute: "2-digit" }).replace(/\s?[AP]M$/i, "");
    $("date").textContent = now.toLocaleDateString([], { weekday: "long", day: "numeric", month: "long" });
    if (!state) return;
    if (serverNow() >= nextDismissal) {
      render(); // an ended activity's time is up: it leaves the Lock Screen
      return;
    }
    for (const node of document.querySelectorAll("[data-timer]")) updateTimer(node);
    for (const node of document.querySelectorAll(".n-time[data-since]")) node.textContent = ago(node.dataset.since);
    for (const node of document.querySelectorAll(".la-status[data-dismiss-at]")) {
      const card = node.closest("[data-activity-id]");
      const a = card && state.activities.find((x) => x.id === card.dataset.activityId);
      if (a) node.textContent = dismissText(a);
    }
  }

  function apply(data) {
    const now = parseTime(data.server_now);
    if (now !== null) offset = now - Date.now();
    addLogEntries(data.log.entries, data.log.reset);
    state = data;
    renderDevices(data.devices);
    render();
    document.body.dataset.version = String(data.version);
  }

  function setConnection(name, text) {
    const badge = $("connection");
    badge.dataset.state = name;
    badge.textContent = text;
  }

  function connect() {
    const source = new EventSource("/_preview/events");
    source.addEventListener("state", (event) => apply(JSON.parse(event.data)));
    source.addEventListener("open", () => setConnection("live", "live"));
    source.addEventListener("error", () => setConnection("offline", "server unreachable, retrying…"));
  }

  const THEMES = ["auto", "light", "dark"];
  const systemDark = window.matchMedia("(prefers-color-scheme: dark)");

  // "auto" follows the system; the stylesheet only knows data-theme="light" or "dark".
  function applyTheme(choice) {
    document.documentElement.dataset.theme = choice === "auto" ? (systemDark.matches ? "dark" : "light") : choice;
    const button = $("theme");
    button.dataset.themeChoice = choice;
    button.textContent = `Appearance: ${choice}`;
  }

  function start() {
    let saved = "auto";
    try {
      saved = localStorage.getItem("activitysmith-preview-theme") || "auto";
    } catch (error) {
      saved = "auto";
    }
    applyTheme(THEMES.includes(saved) ? saved : "auto");
    $("theme").addEventListener("click", () => {
      const next = THEMES[(THEMES.indexOf($("theme").dataset.themeChoice) + 1) % THEMES.length];
      applyTheme(next);
      try {
        localStorage.setItem("activitysmith-preview-theme", next);
      } catch (error) {
        // private mode: the choice lasts for this page only
      }
    });
    systemDark.addEventListener("change", () => applyTheme($("theme").dataset.themeChoice));
    $("app-icon").addEventListener("click", () => {
      const number = Number($("app-icon").dataset.request);
      if (number) showRequest(number);
    });
    $("device").addEventListener("change", (event) => {
      device = event.target.value;
      render();
    });
    tick();
    setInterval(tick, 250); // the clock and timers tick here; nothing is fetched
    connect();
  }

  start();
})();
