// The live access log's WebSocket (same origin, the session cookie authenticates it): reports
// each new access event and the connection's state, reconnects with a growing pause while the
// page that opened it is still shown, and closes once it is not.
export function open_live_log({alive, on_event, on_state = () => {}}) {
  let socket = null;
  let pause = 1000;
  let stopped = false;
  let watch = 0;
  const stop = () => {
    stopped = true;
    window.removeEventListener('hashchange', stop);
    clearInterval(watch);
    socket?.close();
  };
  window.addEventListener('hashchange', stop);
  // A re-render in place (the language switch) replaces the page without a hashchange.
  watch = setInterval(() => { if (!alive()) stop(); }, 5000);
  const connect = () => {
    if (stopped || !alive()) { stop(); return; }
    on_state('connecting');
    socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/access-events/live`);
    socket.addEventListener('message', (message) => {
      if (!alive()) { stop(); return; }
      let frame;
      try { frame = JSON.parse(message.data); } catch { return; }
      if (frame.type === 'ready') { pause = 1000; on_state('open'); }
      else if (frame.type === 'access_event' && frame.event) on_event(frame.event);
    });
    socket.addEventListener('close', () => {
      if (stopped || !alive()) { stop(); return; }
      on_state('closed');
      setTimeout(connect, pause);
      pause = Math.min(pause * 2, 30000);
    });
  };
  connect();
  return stop;
}
