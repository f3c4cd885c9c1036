#!/usr/bin/env python3
"""Checks the Huiyin realm on a running Keycloak, through its real login pages in headless Chromium.

Run by sign-in-check.sh, which starts Keycloak (and, if built, a Huiyin demo service connected to it).
Standard library only: Chromium is driven through chromedriver's W3C WebDriver HTTP API.

  python3 k8s/keycloak/sign_in_check.py [--keycloak URL] [--huiyin URL] [--shots DIR]

Prints one line per check and ends with 'N passed, M failed' (exit status 1 on a failure).
"""
import argparse
import base64
import hashlib
import hmac
import json
import secrets
import socket
import struct
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

REALM = "huiyin"
PASSWORD = "Huiyin-Demo-2026"
# The commissioner's seeded one-time-code device (testing only): Keycloak keeps this raw secret, an
# authenticator app takes its base32 form JB2WS6LJNZCGK3LPJ52HAU3FMNZGK5BR.
COMMISSIONER_OTP_SECRET = b"HuiyinDemoOtpSecret1"
STAFF = ("huiyin-staff", "huiyin-staff-dev-secret")
ENTERPRISE = ("huiyin-enterprise", "huiyin-enterprise-dev-secret")
REDIRECT = "http://127.0.0.1:8080/signin/callback"
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"

results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and not ok else ""), flush=True)
    return ok


def totp(key, at=None, digits=6, period=30):
    """RFC 6238 with HMAC-SHA1, as the realm's OTP policy says."""
    counter = int((time.time() if at is None else at) // period)
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10 ** digits).zfill(digits)


used_periods = set()


def fresh_code(key):
    """A code with at least 5 s left in its period, so that it is still valid when the form arrives, and of a period
    not used before: Keycloak takes each code once."""
    while True:
        if 30 - time.time() % 30 < 5:
            time.sleep(30 - time.time() % 30 + 0.5)
        period = (key, int(time.time() // 30))
        if period not in used_periods:
            used_periods.add(period)
            return totp(key)
        time.sleep(30 - time.time() % 30 + 0.5)


def wait_for(condition, wait=15):
    """Whether condition() holds within wait seconds."""
    deadline = time.time() + wait
    while time.time() < deadline:
        try:
            if condition():
                return True
        except RuntimeError:
            pass
        time.sleep(0.25)
    return False


def claims(jwt):
    payload = jwt.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def http(method, url, data=None, headers=None):
    body = None
    if data is not None:
        body = json.dumps(data).encode() if isinstance(data, dict) and headers and \
            headers.get("Content-Type") == "application/json" else urllib.parse.urlencode(data).encode()
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            text = response.read().decode()
            return response.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as e:
        text = e.read().decode()
        try:
            return e.code, json.loads(text)
        except ValueError:
            return e.code, text


class Browser:
    """One headless Chromium session (no cookies shared with the next one)."""

    def __init__(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.driver = subprocess.Popen(["/usr/bin/chromedriver", f"--port={port}"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{port}"
        for _ in range(50):
            try:
                if http("GET", self.base + "/status")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        options = {"binary": "/usr/bin/chromium",
                   "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"]}
        status, body = self._call("POST", "/session", {"capabilities": {"alwaysMatch": {
            "browserName": "chrome", "goog:chromeOptions": options}}})
        self.session = body["value"]["sessionId"]

    def _call(self, method, path, data=None):
        return http(method, self.base + path, data, {"Content-Type": "application/json"})

    def _session(self, method, path, data=None):
        status, body = self._call(method, f"/session/{self.session}{path}", data)
        if status != 200:
            raise RuntimeError(f"webdriver {path}: {status} {body}")
        return body["value"]

    def open(self, url):
        self._session("POST", "/url", {"url": url})

    def url(self):
        return self._session("GET", "/url")

    def find(self, css):
        """The element, or None when the page has none."""
        status, body = self._call("POST", f"/session/{self.session}/element", {"using": "css selector", "value": css})
        return body["value"][ELEMENT] if status == 200 else None

    def type(self, css, text):
        self._session("POST", f"/element/{self.find(css)}/value", {"text": text})

    def click(self, css):
        self._session("POST", f"/element/{self.find(css)}/click", {})

    def text(self, css):
        return self._session("GET", f"/element/{self.find(css)}/text")

    def add_cookie(self, name, value):
        self._session("POST", "/cookie", {"cookie": {"name": name, "value": value, "path": "/", "httpOnly": True}})

    def page_source(self):
        return self._session("GET", "/source")

    def screenshot(self, path):
        with open(path, "wb") as f:
            f.write(base64.b64decode(self._session("GET", "/screenshot")))

    def close(self):
        try:
            self._call("DELETE", f"/session/{self.session}")
        finally:
            self.driver.terminate()
            self.driver.wait()


class Login:
    """An authorization-code sign-in with PKCE, as Huiyin's pages do it (here by hand, to read the tokens)."""

    def __init__(self, keycloak, client):
        self.keycloak, (self.client_id, self.secret) = keycloak, client
        self.verifier = secrets.token_urlsafe(48)
        challenge = base64.urlsafe_b64encode(hashlib.sha256(self.verifier.encode()).digest()).rstrip(b"=").decode()
        self.state = secrets.token_urlsafe(16)
        self.start_url = f"{keycloak}/realms/{REALM}/protocol/openid-connect/auth?" + urllib.parse.urlencode({
            "client_id": self.client_id, "response_type": "code", "scope": "openid", "redirect_uri": REDIRECT,
            "state": self.state, "nonce": secrets.token_urlsafe(16), "code_challenge": challenge,
            "code_challenge_method": "S256"})

    def code(self, browser, wait=15):
        """The authorization code once Keycloak has sent the browser back (nothing need listen there)."""
        deadline = time.time() + wait
        while time.time() < deadline:
            url = browser.url()
            if url.startswith(REDIRECT):
                query = urllib.parse.parse_qs(urllib.parse.urlparse(url).query)
                return query["code"][0] if query.get("state") == [self.state] else None
            time.sleep(0.25)
        return None

    def tokens(self, code):
        status, body = http("POST", f"{self.keycloak}/realms/{REALM}/protocol/openid-connect/token", {
            "grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT,
            "client_id": self.client_id, "client_secret": self.secret, "code_verifier": self.verifier})
        return body if status == 200 else None


def password_page(browser, username):
    browser.type("#username", username)
    browser.type("#password", PASSWORD)
    browser.click("#kc-login")


def commissioner_signs_in(keycloak, huiyin, shots):
    browser = Browser()
    try:
        login = Login(keycloak, STAFF)
        browser.open(login.start_url)
        password_page(browser, "commissioner-samr")
        check("commissioner: OTP asked after the password", browser.find("#otp") is not None)
        browser.type("#otp", "000000" if totp(COMMISSIONER_OTP_SECRET) != "000000" else "111111")
        browser.click("#kc-login")
        check("commissioner: a wrong code is refused", browser.find("#otp") is not None and login.code(browser, 1) is None)
        browser.type("#otp", fresh_code(COMMISSIONER_OTP_SECRET))
        browser.click("#kc-login")
        code = login.code(browser)
        check("commissioner: signed in with password and TOTP", code is not None, browser.url())
        tokens = login.tokens(code) if code else None
        if not check("commissioner: code exchanged for tokens", tokens is not None):
            browser.screenshot(f"{shots}/commissioner.png")
            return
        access, id_token = claims(tokens["access_token"]), claims(tokens["id_token"])
        print("     access token claims: " + json.dumps(access, ensure_ascii=False, sort_keys=True), flush=True)
        check("access token: iss", access.get("iss") == f"{keycloak}/realms/{REALM}", access.get("iss"))
        check("access token: aud holds huiyin-api", "huiyin-api" in as_list(access.get("aud")), access.get("aud"))
        check("access token: azp huiyin-staff", access.get("azp") == "huiyin-staff")
        check("access token: preferred_username", access.get("preferred_username") == "commissioner-samr")
        check("access token: groups = [commissioner]", access.get("groups") == ["commissioner"], access.get("groups"))
        check("access token: unit = SAMR, no uscc", access.get("unit") == "SAMR" and "uscc" not in access)
        check("id token: same groups and unit", id_token.get("groups") == ["commissioner"] and id_token.get("unit") == "SAMR")
        if huiyin:
            huiyin_api(browser, huiyin, tokens["access_token"], shots)
    finally:
        browser.close()


def as_list(value):
    return value if isinstance(value, list) else [value]


def huiyin_api(browser, huiyin, access_token, shots):
    """Huiyin, connected to this Keycloak, takes its access tokens on the API, and no token in a cookie on the pages."""
    status, body = http("GET", f"{huiyin}/api/v1/workqueue", headers={"Authorization": f"Bearer {access_token}"})
    check("huiyin: GET /api/v1/workqueue with the Keycloak token", status == 200, f"{status} {body}")
    print(f"     queue: {str(body)[:300]}", flush=True)
    browser.open(f"{huiyin}/sla")
    browser.add_cookie("huiyin_token", access_token)
    browser.open(f"{huiyin}/workqueue")
    check("huiyin: a token in the huiyin_token cookie signs nobody in (demo only)",
          path_of(browser.url()) == "/signin", browser.url())


def path_of(url):
    return urllib.parse.urlparse(url).path


def huiyin_signs_in(keycloak, huiyin, shots):
    """Huiyin's own sign-in: the work queue sends a visitor to /signin, 统一身份认证登录 runs the authorization code
    flow through Keycloak's login pages (password and TOTP) back to the unit's queue; signing out ends the session in
    Huiyin and in Keycloak."""
    browser = Browser()
    began = time.time()
    try:
        browser.open(f"{huiyin}/workqueue")
        check("huiyin: the work queue sends a visitor to /signin", path_of(browser.url()) == "/signin", browser.url())
        if not check("huiyin: /signin offers 统一身份认证登录", browser.find("#signin-staff") is not None):
            browser.screenshot(f"{shots}/huiyin-signin.png")
            return
        browser.click("#signin-staff")
        on_keycloak = wait_for(lambda: browser.url().startswith(keycloak) and browser.find("#username") is not None)
        check("huiyin: 统一身份认证登录 opens Keycloak's login page", on_keycloak, browser.url())
        password_page(browser, "commissioner-samr")
        wait_for(lambda: browser.find("#otp") is not None)
        browser.type("#otp", fresh_code(COMMISSIONER_OTP_SECRET))
        browser.click("#kc-login")
        landed = wait_for(lambda: browser.url().startswith(huiyin) and path_of(browser.url()) == "/workqueue")
        source = browser.page_source()
        browser.screenshot(f"{shots}/huiyin-workqueue-signed-in.png")
        check("huiyin: signed in by the code flow, back on /workqueue", landed, browser.url())
        check("huiyin: the queue shows 本单位待认领 to the commissioner (服务专员, SAMR)",
              "本单位待认领" in source and "服务专员" in source, source[:300])
        print(f"     sign-in through Huiyin took {time.time() - began:.1f} s", flush=True)
        browser.click("#signout")
        back = wait_for(lambda: browser.url().startswith(huiyin) and path_of(browser.url()) == "/signin", 20)
        check("huiyin: signing out passes Keycloak's logout and comes back to /signin", back, browser.url())
        browser.open(f"{huiyin}/workqueue")
        check("huiyin: after signing out the work queue asks to sign in again", path_of(browser.url()) == "/signin",
              browser.url())
        browser.click("#signin-staff")
        check("huiyin: the Keycloak session has ended too (its login page asks again)",
              wait_for(lambda: browser.url().startswith(keycloak) and browser.find("#username") is not None),
              browser.url())
    finally:
        browser.close()


def auditor_must_enrol(keycloak, shots):
    """A staff user without a device is made to set one up before any code is issued."""
    browser = Browser()
    try:
        login = Login(keycloak, STAFF)
        browser.open(login.start_url)
        password_page(browser, "auditor")
        on_setup = browser.find("#totp") is not None
        check("auditor: first sign-in leads to the authenticator set-up, no code yet",
              on_setup and login.code(browser, 1) is None, browser.url())
        if not on_setup:
            browser.screenshot(f"{shots}/auditor.png")
            return
        browser.open(browser.url().split("#")[0] + ("&" if "?" in browser.url() else "?") + "mode=manual")
        secret = browser.text("#kc-totp-secret-key").replace(" ", "")
        key = base64.b32decode(secret + "=" * (-len(secret) % 8))
        browser.type("#totp", fresh_code(key))
        if browser.find("#userLabel"):
            browser.type("#userLabel", "check")
        browser.click("#saveTOTPBtn")
        code = login.code(browser)
        tokens = login.tokens(code) if code else None
        if not check("auditor: signed in after enrolling a device", tokens is not None, browser.url()):
            browser.screenshot(f"{shots}/auditor.png")
            return
        access = claims(tokens["access_token"])
        check("auditor: groups = [auditor] (no admin, no security-admin)", access.get("groups") == ["auditor"],
              access.get("groups"))
    finally:
        browser.close()


def enterprise_signs_in(keycloak, shots):
    browser = Browser()
    try:
        login = Login(keycloak, ENTERPRISE)
        browser.open(login.start_url)
        password_page(browser, "enterprise-demo")
        code = login.code(browser)
        check("enterprise: signed in with the password alone", code is not None and browser.find("#otp") is None)
        tokens = login.tokens(code) if code else None
        if not check("enterprise: code exchanged for tokens", tokens is not None):
            browser.screenshot(f"{shots}/enterprise.png")
            return
        access = claims(tokens["access_token"])
        check("enterprise: groups = [enterprise], uscc, no unit",
              access.get("groups") == ["enterprise"] and access.get("uscc") == "91440106MA5CXK8R10"
              and "unit" not in access, access)
    finally:
        browser.close()


def role_separation(keycloak, admin_user, admin_password):
    """Every demo user's access token from the staff client, as Keycloak would issue it (admin API)."""
    status, body = http("POST", f"{keycloak}/realms/master/protocol/openid-connect/token", {
        "client_id": "admin-cli", "grant_type": "password", "username": admin_user, "password": admin_password})
    if not check("admin API: master administrator token", status == 200, body):
        return
    auth = {"Authorization": f"Bearer {body['access_token']}"}
    api = f"{keycloak}/admin/realms/{REALM}"

    def example_token(client_id, username):
        client = http("GET", f"{api}/clients?clientId={client_id}", headers=auth)[1][0]["id"]
        user = http("GET", f"{api}/users?exact=true&username={username}", headers=auth)[1][0]["id"]
        return http("GET", f"{api}/clients/{client}/evaluate-scopes/generate-example-access-token?"
                    f"scope=openid&userId={user}", headers=auth)[1]

    expected = {  # username: (groups, unit)
        "leader-samr": (["unit-leader"], "SAMR"),
        "dispatcher-demo": (["dispatcher"], "DRC"),
        "agent-demo": (["agent"], None),
        "district-leader": (["district-leader"], None),
        "admin": (["admin"], None),
        "security-admin": (["security-admin"], None),
        "auditor": (["auditor"], None),
    }
    for username, (groups, unit) in expected.items():
        token = example_token("huiyin-staff", username)
        check(f"staff token of {username}: groups {groups}, unit {unit}",
              token.get("groups") == groups and token.get("unit") == unit, token)
    token = example_token("huiyin-staff", "enterprise-demo")
    check("an enterprise user through the staff client gets no role", not token.get("groups"), token.get("groups"))
    token = example_token("huiyin-enterprise", "commissioner-samr")
    check("a commissioner through the enterprise client gets no role", not token.get("groups"), token.get("groups"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--keycloak", default="http://127.0.0.1:8180")
    parser.add_argument("--huiyin", help="a Huiyin demo service connected to this Keycloak (HUIYIN_OIDC_URL)")
    parser.add_argument("--admin", default="kcadmin:kcadmin", help="master-realm administrator user:password")
    parser.add_argument("--shots", default="/tmp", help="where screenshots go")
    args = parser.parse_args()
    began = time.time()
    commissioner_signs_in(args.keycloak, args.huiyin, args.shots)
    if args.huiyin:
        huiyin_signs_in(args.keycloak, args.huiyin, args.shots)
    auditor_must_enrol(args.keycloak, args.shots)
    enterprise_signs_in(args.keycloak, args.shots)
    role_separation(args.keycloak, *args.admin.split(":", 1))
    print(f"checks took {time.time() - began:.1f} s")
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
