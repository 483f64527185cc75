// The stopwatch render.py installs in every page before the app's own scripts (an init script).
//
// It keeps time in the page, on the page's own clock (performance.now(): 0 is the navigation's start), so
// that what is measured is the browser and the server at work, not Playwright's round trips. Each animation
// frame it checks whether the page is *rendered*: Streamlit's run has finished (the server's message says
// so) and delivered the page (its title is there, the script state reads notRunning), no skeleton is left,
// every Plotly chart has drawn its SVG, and every iframe has loaded the content it was last given, a pyvis
// network in it being drawn and its physics stopped or stable. The time kept is the first frame after the
// DOM's last change: a new run clears it, and a change to the page moves it on. A network's frame is also
// timed on its own clock, the page around it not counted.
(() => {
  if (window !== window.top) return;  // frames are watched from the top page
  const STATE = "data-test-script-state";
  const probe = {
    since: 0,           // when the current measurement started: 0 for the navigation, else arm()'s time
    sawRun: false,      // a script run has started since then
    runFinished: null,  // ms after `since`: the server's message that the run has finished arrived
    rendered: null,     // ms after `since`: everything drawn, and the DOM unchanged since
    firstChart: null,   // ms after `since`: the first chart (Plotly SVG or pyvis canvas) drawn
    networkDrawn: null, // ms on the network frame's own clock (0: the frame began to load): its drawing settled
    frames: new Map(),  // iframe → the document and srcdoc it had at arm(): a changed srcdoc must load anew
    changed: 0,         // when the DOM last changed (performance.now())
  };

  const startedRun = () => {
    probe.sawRun = true;
    probe.runFinished = null;
    probe.rendered = null;
  };

  // The server's messages say when a run starts and when it has finished. A ForwardMsg (Streamlit's
  // protobuf) carries its kind as its first top-level field after `hash` (1) and `metadata` (2).
  const NEW_SESSION = 4, SCRIPT_FINISHED = 6, FINISHED_EARLY_FOR_RERUN = 2;
  const messageKind = (buffer) => {
    const bytes = new Uint8Array(buffer);
    let at = 0;
    const varint = () => {
      let value = 0, scale = 1, byte;
      do { byte = bytes[at++]; value += (byte & 0x7f) * scale; scale *= 128; } while (byte & 0x80);
      return value;
    };
    while (at < bytes.length) {
      const tag = varint(), field = Math.floor(tag / 8), wire = tag % 8;
      const value = wire === 0 ? varint() : null;
      if (wire === 2) { const length = varint(); at += length; }
      else if (wire === 1) at += 8;
      else if (wire === 5) at += 4;
      else if (wire !== 0) return null;
      if (field > 2) return { field, value };
    }
    return null;
  };
  const received = (data) => {
    if (!(data instanceof ArrayBuffer)) return;
    const kind = messageKind(data);
    if (kind && kind.field === NEW_SESSION) startedRun();
    if (kind && kind.field === SCRIPT_FINISHED && kind.value !== FINISHED_EARLY_FOR_RERUN && probe.sawRun) {
      probe.runFinished = performance.now() - probe.since;
    }
  };
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => received(event.data));
    }
  };

  // A network drawn by vis-network (pyvis's library), if the frame holds one.
  const networkOf = (frame) => frame.contentWindow && frame.contentWindow.network && frame.contentWindow.network.physics
    ? frame.contentWindow.network : null;

  const frameLoaded = (frame) => {
    let doc;
    try { doc = frame.contentDocument; } catch (error) { return true; }  // another origin: nothing to see
    if (!doc || doc.readyState !== "complete" || doc.URL === "about:blank") return false;
    const armed = probe.frames.get(frame);
    return !(armed && armed.doc === doc && armed.srcdoc !== frame.getAttribute("srcdoc"));
  };

  const frameDrawn = (frame) => {
    if (!frameLoaded(frame)) return false;
    const network = networkOf(frame);
    if (!network) return true;
    const physics = network.physics;
    return Boolean(frame.contentDocument.querySelector("canvas")) && physics.ready === true
      && (physics.physicsEnabled === false || physics.stabilized === true);
  };

  const chartDrawn = () => Boolean(document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg'))
    || [...document.querySelectorAll("iframe")].some((frame) => {
      const network = frameLoaded(frame) && networkOf(frame);
      return Boolean(network && network.physics.ready === true);
    });

  const allDrawn = () => {
    if (document.querySelector('[data-testid="stSkeleton"]')) return false;
    for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
      if (!chart.querySelector(".js-plotly-plot .main-svg")) return false;
    }
    return [...document.querySelectorAll("iframe")].every(frameDrawn);
  };

  const tick = () => {
    const now = performance.now() - probe.since;
    const app = document.querySelector('[data-testid="stApp"]');
    const state = app && app.getAttribute(STATE);
    if (probe.firstChart === null && chartDrawn()) probe.firstChart = now;
    if (probe.networkDrawn === null) {
      const frame = [...document.querySelectorAll("iframe")].find((each) => frameLoaded(each) && networkOf(each));
      if (frame && frameDrawn(frame)) probe.networkDrawn = frame.contentWindow.performance.now();
    }
    const delivered = probe.runFinished !== null && state === "notRunning"
      && Boolean(document.querySelector('[data-testid="stMain"] h1'));
    if (!delivered || !allDrawn()) probe.rendered = null;
    else if (probe.rendered === null || probe.changed > probe.since + probe.rendered) probe.rendered = now;
    requestAnimationFrame(tick);
  };

  // Any change to the page's DOM: a page still changing is not rendered yet.
  new MutationObserver(() => { probe.changed = performance.now(); })
    .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });

  // Start timing an interaction: the next run, and the page rendered again after it.
  probe.arm = () => {
    probe.since = performance.now();
    probe.sawRun = false;
    probe.runFinished = probe.rendered = probe.firstChart = probe.networkDrawn = null;
    probe.frames = new Map([...document.querySelectorAll("iframe")].map(
      (frame) => [frame, { doc: frame.contentDocument, srcdoc: frame.getAttribute("srcdoc") }]));
  };

  // Rendered, and still so `quietMs` later: a page that reruns or redraws itself is not done.
  probe.settled = (quietMs) => probe.rendered !== null && performance.now() - probe.since - probe.rendered >= quietMs;

  probe.times = () => ({ run_finished: probe.runFinished, rendered: probe.rendered, first_chart: probe.firstChart,
                        network_drawn: probe.networkDrawn });

  window.__bench = probe;
  requestAnimationFrame(tick);
})();
