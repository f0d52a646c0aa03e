// The search page: plain script, no build step, no third-party code.
// State lives in the URL's query string (?q=…&locality=…&page=2, ?doc=ID) so Back, Forward,
// reload and shared links all show the same thing; render() reads the URL and draws it.
// Everything from the API is inserted as text, except the search snippets, which the API sends
// as HTML (escaped text with <mark> around the matches) and which pass through safeSnippet().
"use strict";

(() => {
  const PAGE_SIZE = 10;
  const SUGGEST_DELAY_MS = 180;
  const FACETS_SHOWN = 6;

  // The filters the API takes, in the order the page lists them.
  const FILTER_KEYS = ["locality", "province", "level", "type", "code"];
  const FACETS = [
    { key: "locality", label: "Địa phương" },
    { key: "province", label: "Tỉnh" },
    { key: "current_province", label: "Tỉnh hiện nay (cả địa bàn cũ)" },
    { key: "level", label: "Cấp" },
    { key: "type", label: "Loại văn bản" },
    { key: "year", label: "Năm" },
    { key: "code", label: "Văn bản được trích dẫn" },
  ];
  const FILTER_LABELS = {
    locality: "Địa phương", province: "Tỉnh", level: "Cấp", type: "Loại văn bản",
    code: "Văn bản được trích dẫn", year: "Năm", from: "Từ ngày", to: "Đến ngày",
  };
  const TYPE_LABELS = {
    conclusion: "Kết luận", notice: "Thông báo kết luận", resolution: "Nghị quyết",
    directive: "Chỉ thị", other: "Khác",
  };
  const LEVEL_LABELS = {
    "province": "Tỉnh", "centrally-run-city": "Thành phố trực thuộc TW",
    "provincial-city": "Thành phố thuộc tỉnh", "town": "Thị xã", "district": "Huyện",
    "urban-district": "Quận", "commune": "Xã", "ward": "Phường", "special-zone": "Đặc khu",
  };
  const REFERENCE_KIND_LABELS = {
    resolution: "Nghị quyết", conclusion: "Kết luận", directive: "Chỉ thị", decision: "Quyết định",
    regulation: "Quy định", plan: "Kế hoạch", programme: "Chương trình", notice: "Thông báo",
    decree: "Nghị định", circular: "Thông tư", other: "Văn bản",
  };
  const SUGGESTION_FIELD_LABELS = {
    locality: "Địa phương", province: "Tỉnh", committee: "Cấp ủy", title: "Tiêu đề", code: "Số hiệu văn bản",
  };

  const $ = (id) => document.getElementById(id);
  const el = (tag, props, ...children) => {
    const node = document.createElement(tag);
    if (props) {
      for (const [name, value] of Object.entries(props)) {
        if (value === undefined || value === null || value === false) continue;
        if (name === "className") node.className = value;
        else if (name === "dataset") Object.assign(node.dataset, value);
        else if (name === "text") node.textContent = value;
        else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
        else node.setAttribute(name, value === true ? "" : String(value));
      }
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  };
  const numberFormat = new Intl.NumberFormat("vi-VN");

  /** An error answer of the API, with the ProblemDetails fields when it sent them. */
  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
      this.status = status;
      this.problem = problem;
    }
  }

  async function getJson(url, signal) {
    let response;
    try {
      response = await fetch(url, { signal, headers: { Accept: "application/json" } });
    } catch (error) {
      if (error.name === "AbortError") throw error;
      throw new ApiError(0, null);
    }
    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch { /* not JSON: the status says enough */ }
      throw new ApiError(response.status, problem);
    }
    return response.json();
  }

  // ---- URL state -------------------------------------------------------------------------

  function readState() {
    const p = new URLSearchParams(location.search);
    const state = {
      q: (p.get("q") || "").trim(),
      sort: p.get("sort") === "date" ? "date" : "relevance",
      page: Math.max(1, parseInt(p.get("page") || "1", 10) || 1),
      from: p.get("from") || "",
      to: p.get("to") || "",
      doc: p.get("doc") || "",
      // With a province: also the older documents of the areas it holds today (former provinces).
      history: p.get("history") === "true" ? "true" : "",
    };
    for (const key of FILTER_KEYS) state[key] = p.get(key) || "";
    return state;
  }

  /** The query string of a search state; only what differs from the defaults, for short links. */
  function searchParams(state) {
    const p = new URLSearchParams();
    if (state.q) p.set("q", state.q);
    for (const key of FILTER_KEYS) if (state[key]) p.set(key, state[key]);
    if (state.history && state.province) p.set("history", "true");
    if (state.from) p.set("from", state.from);
    if (state.to) p.set("to", state.to);
    if (state.sort === "date") p.set("sort", "date");
    if (state.page > 1) p.set("page", String(state.page));
    return p;
  }

  function urlOf(params) {
    const text = params.toString();
    return text ? `?${text}` : location.pathname;
  }

  function searchUrl(state) { return urlOf(searchParams(state)); }

  function documentUrl(id, state) {
    const p = searchParams(state);
    p.set("doc", id);
    return urlOf(p);
  }

  function hasSearch(state) {
    return Boolean(state.q || state.from || state.to || FILTER_KEYS.some((k) => state[k]));
  }

  function navigate(url, extra) {
    history.pushState({ page: true, ...(extra || {}) }, "", url);
    render();
  }

  /** A state with some fields changed; a changed query or filter starts again at page 1. */
  function withChanges(state, changes) {
    return { ...state, page: 1, doc: "", ...changes };
  }

  // ---- Rendering -------------------------------------------------------------------------

  let searchController = null;
  let documentController = null;
  // Facet buttons and filter chips are redrawn with the results; this is what keyboard focus
  // should land on afterwards, so it does not fall back to the top of the page.
  let focusAfterSearch = null;

  function restoreFocus() {
    const find = focusAfterSearch;
    focusAfterSearch = null;
    const target = find && find();
    if (target) target.focus();
  }

  function showView(name) {
    $("welcome-view").hidden = name !== "welcome";
    $("results-view").hidden = name !== "results";
    $("document-view").hidden = name !== "document";
  }

  function render() {
    const state = readState();
    $("q").value = state.q;
    closeSuggestions();
    if (state.doc) {
      renderDocument(state);
    } else if (hasSearch(state)) {
      renderSearch(state);
    } else {
      if (searchController) searchController.abort();
      showView("welcome");
      document.title = "Tra cứu kết luận của cấp ủy";
    }
  }

  async function renderSearch(state) {
    showView("results");
    document.title = `${state.q || "Lọc văn bản"} — Tra cứu kết luận`;
    for (const button of document.querySelectorAll(".sort-button")) {
      button.setAttribute("aria-pressed", String(button.dataset.sort === state.sort));
    }
    renderActiveFilters(state);

    if (searchController) searchController.abort();
    searchController = new AbortController();
    const api = searchParams(state);
    api.set("sort", state.sort);
    api.set("page", String(state.page));
    api.set("pageSize", String(PAGE_SIZE));
    $("status").textContent = "Đang tìm…";
    $("hits").setAttribute("aria-busy", "true");

    let result;
    try {
      result = await getJson(`api/search?${api}`, searchController.signal);
    } catch (error) {
      if (error.name === "AbortError") return;
      $("hits").removeAttribute("aria-busy");
      $("hits").replaceChildren();
      $("pager").hidden = true;
      $("facet-groups").replaceChildren();
      $("facets").hidden = true;
      $("status").textContent = "";
      showError($("message"), error, "tìm kiếm", () => renderSearch(state));
      return;
    }
    $("hits").removeAttribute("aria-busy");
    $("facets").hidden = false;
    renderResults(state, result);
    restoreFocus();
  }

  function renderResults(state, result) {
    const total = result.total || 0;
    const hits = result.hits || [];
    const pageSize = result.pageSize || PAGE_SIZE;
    const page = result.page || state.page;
    const pages = Math.max(1, Math.ceil(total / pageSize));

    const message = $("message");
    if (total === 0 || hits.length === 0) {
      $("status").textContent = "Không có kết quả.";
      message.hidden = false;
      message.removeAttribute("role");
      message.className = "message empty";
      const tips = el("ul", null,
        el("li", { text: "Kiểm tra chính tả, hoặc gõ không dấu (ví dụ: nong thon moi)." }),
        el("li", { text: "Dùng ít từ hơn, hoặc từ khái quát hơn." }));
      const active = activeFilters(state);
      if (active.length > 0) {
        tips.append(el("li", null, el("button", {
          type: "button", className: "link-button", text: "Bỏ tất cả bộ lọc",
          onclick: () => {
            focusAfterSearch = () => input;
            navigate(searchUrl(withChanges(state, clearedFilters())));
          },
        }), " để tìm rộng hơn."));
      }
      message.replaceChildren(
        el("p", { className: "message-title", text: state.q ? `Không tìm thấy văn bản nào khớp với «${state.q}».` : "Không có văn bản nào khớp với bộ lọc." }),
        tips);
    } else {
      message.hidden = true;
      message.replaceChildren();
      const took = typeof result.tookMs === "number" ? ` (${numberFormat.format(Math.round(result.tookMs * 10) / 10)} ms)` : "";
      $("status").textContent = `Tìm thấy ${numberFormat.format(total)} văn bản${pages > 1 ? ` · trang ${page}/${pages}` : ""}${took}`;
    }

    $("hits").replaceChildren(...hits.map((hit) => renderHit(hit, state)));
    renderPager(state, page, pages, result.next);
    renderFacets(state, result.facets || {});
  }

  function renderHit(hit, state) {
    const meta = [
      TYPE_LABELS[hit.type] || null,
      LEVEL_LABELS[hit.level] || null,
      [hit.locality, hit.province && hit.province !== hit.locality ? hit.province : null].filter(Boolean).join(", ") || null,
      hit.currentProvince && hit.currentProvince !== hit.province ? `nay thuộc ${hit.currentProvince}` : null,
      hit.date ? formatDate(hit.date) : null,
    ].filter(Boolean);
    return el("li", { className: "hit" },
      el("article", null,
        el("h2", { className: "hit-title" },
          el("a", { href: documentUrl(hit.id, state), dataset: { nav: "document" }, text: hit.title || hit.id })),
        el("p", { className: "hit-meta" }, ...meta.flatMap((part, i) => i === 0 ? [el("span", { text: part })] : [el("span", { className: "sep", "aria-hidden": "true", text: " · " }), el("span", { text: part })])),
        ...(hit.snippets || []).map((snippet) => el("p", { className: "snippet" }, safeSnippet(snippet)))));
  }

  /**
   * The API escapes the text of a snippet and adds <mark> around matches. Parsing it in an inert
   * template and keeping only text and <mark> means a bug there can never inject markup here.
   */
  function safeSnippet(html) {
    const template = document.createElement("template");
    template.innerHTML = String(html);
    const out = document.createDocumentFragment();
    const copy = (from, to) => {
      for (const node of from.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) {
          to.append(node.textContent);
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          if (node.tagName === "MARK") {
            const mark = document.createElement("mark");
            copy(node, mark);
            to.append(mark);
          } else {
            copy(node, to);
          }
        }
      }
    };
    copy(template.content, out);
    return out;
  }

  function renderPager(state, page, pages, next) {
    const pager = $("pager");
    const hasNext = page < pages || Boolean(next);
    pager.hidden = page <= 1 && !hasNext;
    setPagerLink($("prev-page"), page > 1 ? searchUrl({ ...state, page: page - 1 }) : null);
    setPagerLink($("next-page"), hasNext ? searchUrl({ ...state, page: page + 1 }) : null);
    $("page-info").textContent = `Trang ${page} / ${Math.max(pages, page)}`;
  }

  function setPagerLink(link, url) {
    if (url) {
      link.href = url;
      link.dataset.nav = "page";
      link.removeAttribute("aria-disabled");
    } else {
      link.removeAttribute("href");
      delete link.dataset.nav;
      link.setAttribute("aria-disabled", "true");
    }
  }

  function facetLabel(key, value) {
    if (key === "type") return TYPE_LABELS[value] || value;
    if (key === "level") return LEVEL_LABELS[value] || value;
    return value;
  }

  function yearOf(state) {
    const match = /^(\d{4})-01-01$/.exec(state.from);
    return match && state.to === `${match[1]}-12-31` ? match[1] : "";
  }

  function isActive(state, key, value) {
    if (key === "year") return yearOf(state) === String(value);
    if (key === "current_province") return Boolean(state.history) && state.province === String(value);
    if (key === "province") return !state.history && state.province === String(value);
    return state[key] === String(value);
  }

  function toggleFacet(state, key, value) {
    value = String(value);
    if (key === "year") {
      const on = yearOf(state) === value;
      return withChanges(state, on ? { from: "", to: "" } : { from: `${value}-01-01`, to: `${value}-12-31` });
    }
    if (key === "current_province" || key === "province") {
      const history = key === "current_province" ? "true" : "";
      const on = isActive(state, key, value);
      return withChanges(state, on ? { province: "", history: "" } : { province: value, history });
    }
    return withChanges(state, { [key]: state[key] === value ? "" : value });
  }

  function renderFacets(state, facets) {
    const groups = [];
    for (const facet of FACETS) {
      const values = facets[facet.key] || [];
      if (values.length === 0) continue;
      const titleId = `facet-${facet.key}-title`;
      const list = el("ul", { className: "facet-values", "aria-labelledby": titleId });
      values.forEach((entry, index) => {
        const active = isActive(state, facet.key, entry.value);
        const label = facetLabel(facet.key, entry.value);
        list.append(el("li", { hidden: index >= FACETS_SHOWN && !active },
          el("button", {
            type: "button", className: "facet-value", "aria-pressed": String(active),
            dataset: { facet: facet.key, value: String(entry.value) },
            "aria-label": `${label}, ${numberFormat.format(entry.count)} văn bản${active ? ", đang lọc" : ""}`,
            onclick: () => {
              focusAfterSearch = () => [...document.querySelectorAll(".facet-value")]
                .find((b) => b.dataset.facet === facet.key && b.dataset.value === String(entry.value)) || input;
              navigate(searchUrl(toggleFacet(state, facet.key, entry.value)));
            },
          },
          el("span", { className: "facet-name", text: label }),
          el("span", { className: "facet-count", text: numberFormat.format(entry.count) }))));
      });
      const group = el("section", { className: "facet-group", dataset: { facet: facet.key } },
        el("h2", { id: titleId, className: "facet-title", text: facet.label }), list);
      if (values.length > FACETS_SHOWN) {
        const more = el("button", {
          type: "button", className: "link-button facet-more", "aria-expanded": "false",
          text: `Xem thêm (${values.length - FACETS_SHOWN})`,
        });
        more.addEventListener("click", () => {
          const expanded = more.getAttribute("aria-expanded") !== "true";
          more.setAttribute("aria-expanded", String(expanded));
          more.textContent = expanded ? "Thu gọn" : `Xem thêm (${values.length - FACETS_SHOWN})`;
          list.querySelectorAll("li").forEach((li, i) => {
            if (i >= FACETS_SHOWN) li.hidden = !expanded && li.querySelector("[aria-pressed=true]") === null;
          });
        });
        group.append(more);
      }
      groups.push(group);
    }
    $("facet-groups").replaceChildren(...(groups.length ? groups : [el("p", { className: "muted", text: "Không có bộ lọc cho kết quả này." })]));
  }

  function clearedFilters() {
    const cleared = { from: "", to: "", history: "" };
    for (const key of FILTER_KEYS) cleared[key] = "";
    return cleared;
  }

  /** The filters in force, each with the label a person reads and the state without it. */
  function activeFilters(state) {
    const active = [];
    for (const key of FILTER_KEYS) {
      if (!state[key]) continue;
      const label = key === "province" && state.history ? "Tỉnh hiện nay (cả địa bàn cũ)" : FILTER_LABELS[key];
      active.push({ key, label: `${label}: ${facetLabel(key, state[key])}`, without: key === "province" ? { province: "", history: "" } : { [key]: "" } });
    }
    const year = yearOf(state);
    if (year) {
      active.push({ key: "year", label: `${FILTER_LABELS.year}: ${year}`, without: { from: "", to: "" } });
    } else {
      if (state.from) active.push({ key: "from", label: `${FILTER_LABELS.from}: ${formatDate(state.from)}`, without: { from: "" } });
      if (state.to) active.push({ key: "to", label: `${FILTER_LABELS.to}: ${formatDate(state.to)}`, without: { to: "" } });
    }
    return active;
  }

  function renderActiveFilters(state) {
    const active = activeFilters(state);
    $("active-filters").hidden = active.length === 0;
    $("active-filter-list").replaceChildren(...active.map((filter) => el("li", null,
      el("button", {
        type: "button", className: "chip", dataset: { filter: filter.key },
        "aria-label": `Bỏ lọc ${filter.label}`,
        onclick: () => {
          focusAfterSearch = () => document.querySelector(".chip") || input;
          navigate(searchUrl(withChanges(state, filter.without)));
        },
      }, el("span", { text: filter.label }), el("span", { className: "chip-x", "aria-hidden": "true", text: "×" })))));
    $("clear-filters").hidden = active.length < 2;
    $("facets-title").textContent = active.length ? `Bộ lọc (${active.length} đang chọn)` : "Bộ lọc";
  }

  // ---- Document view ---------------------------------------------------------------------

  async function renderDocument(state) {
    showView("document");
    if (searchController) searchController.abort();
    if (documentController) documentController.abort();
    documentController = new AbortController();
    const signal = documentController.signal;
    const back = $("back-link");
    back.href = searchUrl(state);
    back.textContent = hasSearch(state) ? "← Quay lại kết quả" : "← Trang tìm kiếm";

    const message = $("document-message");
    message.hidden = true;
    $("document").hidden = false;
    $("similar").hidden = false;
    $("document-title").textContent = "Đang tải văn bản…";
    for (const id of ["document-meta", "reference-list", "document-text", "recipient-list", "similar-list"]) $(id).replaceChildren();
    $("document-references").hidden = true;
    $("document-recipients").hidden = true;
    $("similar-status").textContent = "Đang tải…";

    const id = encodeURIComponent(state.doc);
    const similar = getJson(`api/documents/${id}/similar`, signal);
    similar.catch(() => { /* shown by renderSimilar; this keeps the rejection handled */ });
    let record;
    try {
      record = await getJson(`api/documents/${id}`, signal);
    } catch (error) {
      if (error.name === "AbortError") return;
      $("document").hidden = true;
      $("similar").hidden = true;
      showError(message, error, "tải văn bản", () => renderDocument(state));
      document.title = "Không tải được văn bản — Tra cứu kết luận";
      return;
    }
    drawDocument(record, state);
    const title = $("document-title");
    title.focus();
    renderSimilar(similar, state);
  }

  function drawDocument(record, state) {
    const title = record.title || record.number || record.id;
    $("document-title").textContent = title;
    document.title = `${title} — Tra cứu kết luận`;

    const filterLink = (key, value, text) =>
      el("a", { href: searchUrl(withChanges({ ...readState(), ...clearedFilters(), q: "" }, { [key]: value })), dataset: { nav: "search" }, text: text || value });
    const rows = [
      ["Loại văn bản", TYPE_LABELS[record.type] || record.type],
      ["Số", record.number],
      ["Cơ quan ban hành", record.committee],
      ["Cấp", LEVEL_LABELS[record.level] || record.level],
      ["Địa phương", record.locality ? filterLink("locality", record.locality) : null],
      ["Tỉnh/thành phố", record.province ? filterLink("province", record.province) : null],
      ["Nay thuộc", record.currentProvince && record.currentProvince !== record.province
        ? el("a", { href: searchUrl(withChanges({ ...readState(), ...clearedFilters(), q: "" }, { province: record.currentProvince, history: "true" })), dataset: { nav: "search" }, text: record.currentProvince })
        : null],
      ["Khóa", record.term ? `${record.term}${record.termYears ? ` (nhiệm kỳ ${record.termYears})` : ""}` : (record.termYears ? `Nhiệm kỳ ${record.termYears}` : null)],
      ["Hội nghị", record.conference ? (record.type === "notice" ? `Phiên họp thứ ${record.conference}` : `Hội nghị lần thứ ${record.conference}`) : null],
      ["Ngày", record.date ? formatDate(record.date) : null],
      ["Kỳ báo cáo", record.period ? formatPeriod(record.period) : null],
      ["Người ký", record.signer ? [record.signer.title, record.signer.name].filter(Boolean).join(" ") : null],
    ];
    $("document-meta").replaceChildren(...rows.filter(([, value]) => value).flatMap(([term, value]) =>
      [el("dt", { text: term }), el("dd", null, value)]));

    const references = record.references || [];
    $("document-references").hidden = references.length === 0;
    $("reference-list").replaceChildren(...references.map((ref) => {
      const kind = REFERENCE_KIND_LABELS[ref.kind] || "Văn bản";
      const name = ref.code ? `${kind} số ${ref.code}` : `${kind} số ${ref.number}`;
      const details = [ref.issuerBody || ref.issuer, ref.date ? `ngày ${formatDate(ref.date)}` : null,
        ref.mentions > 1 ? `nhắc ${ref.mentions} lần` : null].filter(Boolean).join(" · ");
      return el("li", null,
        ref.code
          ? el("a", { href: searchUrl(withChanges({ ...clearedFilters(), q: "", sort: "relevance" }, { code: ref.code })), dataset: { nav: "search", code: ref.code }, title: `Tìm các văn bản trích dẫn ${ref.code}`, text: name })
          : el("span", { text: name }),
        details ? el("span", { className: "muted", text: ` — ${details}` }) : null);
    }));

    const text = $("document-text");
    const sections = record.sections || [];
    if (sections.length > 0) {
      text.replaceChildren(...sections.map((section) => el("section", { className: "doc-section" },
        section.heading ? el("h2", { text: section.heading }) : null,
        ...paragraphs(section.text))));
    } else {
      text.replaceChildren(...paragraphs(record.body));
    }

    const recipients = record.recipients || [];
    $("document-recipients").hidden = recipients.length === 0;
    $("recipient-list").replaceChildren(...recipients.map((r) => el("li", { text: r })));
  }

  function paragraphs(text) {
    return String(text || "").split(/\n+/).map((line) => line.trim()).filter(Boolean).map((line) => el("p", { text: line }));
  }

  async function renderSimilar(promise, state) {
    let similar;
    try {
      similar = await promise;
    } catch (error) {
      if (error.name === "AbortError") return;
      $("similar-status").textContent = "Không tải được danh sách văn bản tương tự.";
      return;
    }
    $("similar-status").textContent = similar.length ? "" : "Không có văn bản tương tự.";
    $("similar-list").replaceChildren(...similar.map((doc) => el("li", null,
      el("a", { href: documentUrl(doc.id, state), dataset: { nav: "document" }, text: doc.title || doc.id }),
      el("span", { className: "muted small", text: [doc.locality, doc.province && doc.province !== doc.locality ? doc.province : null, doc.date ? formatDate(doc.date) : null].filter(Boolean).join(" · ") }))));
  }

  // ---- Messages and formatting -----------------------------------------------------------

  function showError(box, error, action, retry) {
    box.hidden = false;
    box.className = "message error";
    box.setAttribute("role", "alert");
    const problem = error.problem;
    let text;
    if (error.status >= 400 && error.status < 500) {
      text = (problem && (problem.detail || problem.title)) || `Yêu cầu không hợp lệ (mã ${error.status}).`;
    } else if (error.status === 0) {
      text = "Không kết nối được với máy chủ. Hãy kiểm tra kết nối rồi thử lại.";
    } else {
      text = `Máy chủ gặp sự cố khi ${action} (mã ${error.status}). Vui lòng thử lại sau ít phút.`;
    }
    const children = [el("p", { className: "message-title", text: `Không thể ${action}.` }), el("p", { text })];
    if (!(error.status >= 400 && error.status < 500)) {
      children.push(el("button", { type: "button", className: "retry", text: "Thử lại", onclick: retry }));
    }
    box.replaceChildren(...children);
  }

  function formatDate(iso) {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso));
    return match ? `${match[3]}/${match[2]}/${match[1]}` : String(iso);
  }

  function formatPeriod(period) {
    if (!period.months || period.months === 12) return `Năm ${period.year}`;
    return `${period.months} tháng, năm ${period.year}`;
  }

  // ---- Suggestions (ARIA 1.2 combobox with a listbox popup) ------------------------------

  const input = $("q");
  const listbox = $("suggestions");
  let suggestions = [];
  let activeIndex = -1;
  let suggestTimer = 0;
  let suggestController = null;

  function closeSuggestions() {
    clearTimeout(suggestTimer);
    if (suggestController) suggestController.abort();
    listbox.hidden = true;
    listbox.replaceChildren();
    suggestions = [];
    activeIndex = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  async function fetchSuggestions(text) {
    if (suggestController) suggestController.abort();
    suggestController = new AbortController();
    let list;
    try {
      list = await getJson(`api/suggest?${new URLSearchParams({ q: text, limit: "8" })}`, suggestController.signal);
    } catch {
      return; // suggestions are a convenience: a failure leaves the box as it is
    }
    if (input.value.trim() !== text || document.activeElement !== input) return;
    suggestions = Array.isArray(list) ? list : [];
    activeIndex = -1;
    input.removeAttribute("aria-activedescendant");
    listbox.replaceChildren(...suggestions.map((s, i) => el("li", {
      id: `suggestion-${i}`, role: "option", "aria-selected": "false", className: "suggestion",
      onmousedown: (event) => event.preventDefault(), // keep focus in the input
      onclick: () => chooseSuggestion(s),
    },
    el("span", { className: "suggestion-text", text: s.text }),
    el("span", { className: "suggestion-field", text: `${SUGGESTION_FIELD_LABELS[s.field] || ""}${typeof s.documents === "number" ? ` · ${numberFormat.format(s.documents)} văn bản` : ""}` }))));
    const open = suggestions.length > 0;
    listbox.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
  }

  function moveActive(delta) {
    if (suggestions.length === 0) return;
    activeIndex = activeIndex < 0 && delta < 0 ? suggestions.length - 1 : (activeIndex + delta + suggestions.length) % suggestions.length;
    listbox.querySelectorAll("[role=option]").forEach((option, i) => {
      option.setAttribute("aria-selected", String(i === activeIndex));
      if (i === activeIndex) option.scrollIntoView({ block: "nearest" });
    });
    input.setAttribute("aria-activedescendant", `suggestion-${activeIndex}`);
  }

  /** A place or a cited code becomes a filter; a committee or a title becomes the query. */
  function chooseSuggestion(s) {
    const state = readState();
    closeSuggestions();
    if (s.field === "locality" || s.field === "province" || s.field === "code") {
      navigate(searchUrl(withChanges(state, { q: "", [s.field]: s.text, ...(s.field === "province" ? { history: "" } : {}) })));
    } else if (s.field === "committee") {
      // The committee's name is written in its documents' headers and openings: a phrase finds them.
      navigate(searchUrl(withChanges(state, { q: `"${s.text}"` })));
    } else {
      navigate(searchUrl(withChanges(state, { q: s.text })));
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(suggestTimer);
    const text = input.value.trim();
    if (text.length < 2) { closeSuggestions(); return; }
    suggestTimer = setTimeout(() => fetchSuggestions(text), SUGGEST_DELAY_MS);
  });

  input.addEventListener("keydown", (event) => {
    const open = !listbox.hidden;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (open) moveActive(1);
        else if (input.value.trim().length >= 2) fetchSuggestions(input.value.trim());
        break;
      case "ArrowUp":
        if (open) { event.preventDefault(); moveActive(-1); }
        break;
      case "Enter":
        if (open && activeIndex >= 0) {
          event.preventDefault();
          chooseSuggestion(suggestions[activeIndex]);
        }
        break;
      case "Escape":
        if (open) { event.preventDefault(); closeSuggestions(); }
        else if (input.value) { event.preventDefault(); input.value = ""; }
        break;
      case "Tab":
        closeSuggestions();
        break;
      default:
        break;
    }
  });

  input.addEventListener("blur", () => setTimeout(() => { if (document.activeElement !== input) closeSuggestions(); }, 100));

  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    closeSuggestions();
    const q = input.value.trim();
    const state = readState();
    navigate(searchUrl(withChanges(state, { q })));
  });

  // ---- Wiring ----------------------------------------------------------------------------

  for (const button of document.querySelectorAll(".sort-button")) {
    button.addEventListener("click", () => navigate(searchUrl(withChanges(readState(), { sort: button.dataset.sort }))));
  }
  $("clear-filters").addEventListener("click", () => {
    focusAfterSearch = () => input;
    navigate(searchUrl(withChanges(readState(), clearedFilters())));
  });

  // Links inside the page change the URL without a reload; modified clicks (new tab) go to the browser.
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[href]");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname !== location.pathname) return;
    event.preventDefault();
    if (link.id === "back-link" && history.state && history.state.fromResults) {
      history.back();
      return;
    }
    const kind = link.dataset.nav;
    navigate(url.pathname + url.search, kind === "document" && !readState().doc ? { fromResults: true } : undefined);
    if (kind === "page") {
      window.scrollTo(0, 0);
      $("main").focus({ preventScroll: true });
    }
  });

  window.addEventListener("popstate", render);

  // Wide screens show the filters beside the results; narrow ones fold them under "Bộ lọc".
  const wide = window.matchMedia("(min-width: 52rem)");
  const summary = $("facets-details").querySelector("summary");
  const applyWidth = () => {
    $("facets-details").open = wide.matches;
    document.body.classList.toggle("wide", wide.matches);
    // Beside the results the list is always open: its summary is a heading, not a control.
    if (wide.matches) summary.setAttribute("tabindex", "-1");
    else summary.removeAttribute("tabindex");
  };
  summary.addEventListener("click", (event) => { if (wide.matches) event.preventDefault(); });
  wide.addEventListener("change", applyWidth);
  applyWidth();

  render();
})();
