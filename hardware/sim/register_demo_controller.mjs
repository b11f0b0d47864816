// Registers the controller of one simulated door with a running demo hub, through the HTTP API
// as an admin would, for `./dev run`: logs in, makes a bearer token, creates the controller for
// the named door and prints "ENROLMENT_TOKEN CA_HASH", what `hubgate-door enroll` needs.
// Environment: HUBGATE_ADMIN_EMAIL, HUBGATE_ADMIN_PASSWORD, DOOR_NAME, CONTROLLER_NAME and CA
// (the service's private CA, PEM); the service listens on https://127.0.0.1:8443.
import fs from "node:fs";
import https from "node:https";

const env = process.env;
const ca = fs.readFileSync(env.CA);

const call = (method, path, body, headers = {}) => new Promise((ok, fail) => {
  const data = body ? JSON.stringify(body) : "";
  const req = https.request({
    host: "127.0.0.1", port: 8443, path: "/api/v1" + path, method, ca,
    headers: {"content-type": "application/json", "content-length": Buffer.byteLength(data),
              ...headers},
  }, res => {
    let text = "";
    res.on("data", chunk => text += chunk);
    res.on("end", () => res.statusCode < 300
      ? ok({json: JSON.parse(text || "{}"), headers: res.headers})
      : fail(new Error(method + " " + path + ": " + res.statusCode + " " + text)));
  });
  req.on("error", fail);
  req.end(data);
});

// A list endpoint answers with an array or with an object holding one.
const list = json => Array.isArray(json) ? json : Object.values(json).find(Array.isArray) || [];

try {
  const login = await call("POST", "/auth/login",
                           {email: env.HUBGATE_ADMIN_EMAIL, password: env.HUBGATE_ADMIN_PASSWORD});
  const cookie = login.headers["set-cookie"][0].split(";")[0];
  const token = await call("POST", "/auth/tokens",
                           {name: "dev-run-" + env.CONTROLLER_NAME + "-" + Date.now()},
                           {cookie, "x-csrf-token": login.json.csrf_token});
  const auth = {authorization: "Bearer " + token.json.token};
  const doors = list((await call("GET", "/doors", null, auth)).json);
  const door = doors.find(d => d.name === env.DOOR_NAME);
  const made = await call("POST", "/controllers",
                          {name: env.CONTROLLER_NAME, site_id: door.site_id, door_ids: [door.id]},
                          auth);
  console.log(made.json.enrollment_token + " " + made.json.ca_hash);
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
