#!/usr/bin/env python3
"""Checks deploy/keycloak/training-realm-prod.json on a running Keycloak (e.g. the dev or test stack's): imports it
as a scratch realm `prodcheck` through the admin API (placeholders filled with dummies, TLS requirement relaxed to
`external` for 127.0.0.1), then: an admin and a province manager must set up an OTP right after the password
(required action CONFIGURE_TOTP), a staff member gets the code at once, a weak password is refused, there is no
password-grant client and the password grant is refused. The scratch realm is deleted at the end.

    KEYCLOAK_URL=http://127.0.0.1:38080 python3 deploy/tools/check_prod_realm.py
"""
import json, re, subprocess, urllib.parse, http.cookiejar, urllib.request, base64, hashlib, os
KC = os.environ.get('KEYCLOAK_URL', 'http://127.0.0.1:28080')
ADMIN_PASSWORD = os.environ.get('KEYCLOAK_ADMIN_PASSWORD', 'Demo@2026')
def req(method, url, data=None, headers=None, opener=None):
    h = dict(headers or {})
    body = None
    if data is not None:
        if isinstance(data, dict):
            body = urllib.parse.urlencode(data).encode(); h.setdefault('Content-Type', 'application/x-www-form-urlencoded')
        else:
            body = data.encode(); h.setdefault('Content-Type', 'application/json')
    r = urllib.request.Request(url, data=body, headers=h, method=method)
    try:
        resp = (opener or urllib.request.build_opener(NoRedirect)).open(r)
        return resp.status, resp.headers, resp.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode()
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None
_, _, t = req('POST', KC + '/realms/master/protocol/openid-connect/token',
              {'grant_type': 'password', 'client_id': 'admin-cli', 'username': 'admin', 'password': ADMIN_PASSWORD})
auth = {'Authorization': 'Bearer ' + json.loads(t)['access_token']}
text = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'keycloak', 'training-realm-prod.json')).read()
for k, v in {'GATEWAY_CLIENT_SECRET': 'x' * 32, 'GATEWAY_PUBLIC_URL': 'http://127.0.0.1:9',
             'GATEWAY_BACKCHANNEL_LOGOUT_URL': 'http://127.0.0.1:9/back-channel-logout',
             'PROVISIONING_CLIENT_SECRET': 'y' * 32, 'DEPARTMENT_SYSTEM_CLIENT_SECRET': 'z' * 32,
             'SMTP_HOST': '127.0.0.1', 'SMTP_FROM': 'khong-tra-loi@example.gov.vn'}.items():
    text = text.replace('${' + k + '}', v)
realm = json.loads(text)
realm['realm'] = 'prodcheck'; realm['sslRequired'] = 'external'
req('DELETE', KC + '/admin/realms/prodcheck', headers=auth)
s, _, b = req('POST', KC + '/admin/realms', json.dumps(realm), auth); print('create realm', s, b[:300])
for user, role in (('checkadmin', 'admin'), ('checkmanager', 'province-manager'), ('checkstaff', 'staff')):
    s, h, b = req('POST', KC + '/admin/realms/prodcheck/users', json.dumps({'username': user, 'enabled': True,
        'email': user + '@example.gov.vn', 'emailVerified': True, 'firstName': 'A', 'lastName': 'B',
        'credentials': [{'type': 'password', 'value': 'Kiem-Tra#2026xyz', 'temporary': False}]}), auth)
    uid = h['Location'].rsplit('/', 1)[1]
    _, _, r = req('GET', KC + '/admin/realms/prodcheck/roles/' + role, headers=auth)
    req('POST', KC + f'/admin/realms/prodcheck/users/{uid}/role-mappings/realm', json.dumps([json.loads(r)]), auth)
    jar = http.cookiejar.CookieJar()
    op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    verifier = 'v' * 50
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b'=').decode()
    q = urllib.parse.urlencode({'client_id': 'training-gateway', 'redirect_uri': 'http://127.0.0.1:9/console',
        'response_type': 'code', 'scope': 'openid', 'code_challenge': challenge, 'code_challenge_method': 'S256'})
    s, h0, page = req('GET', KC + '/realms/prodcheck/protocol/openid-connect/auth?' + q)
    cookies = '; '.join(c.split(';', 1)[0] for c in h0.get_all('Set-Cookie'))
    action = re.search(r'action="([^"]+)"', page).group(1).replace('&amp;', '&')
    s, h, page = req('POST', action, {'username': user, 'password': 'Kiem-Tra#2026xyz', 'credentialId': ''},
                     {'Cookie': cookies})
    location = h.get('Location') or ''
    expected = 'execution=CONFIGURE_TOTP' if role != 'staff' else 'http://127.0.0.1:9/console?'
    print(user, role, '->', s, location[:110], 'OK' if expected in location else 'UNEXPECTED')
s, _, b = req('POST', KC + '/admin/realms/prodcheck/users', json.dumps({'username': 'weak', 'enabled': True,
    'credentials': [{'type': 'password', 'value': 'abc123', 'temporary': False}]}), auth)
print('weak password refused:', s, b[:120], 'OK' if s == 400 else 'UNEXPECTED')
_, _, b = req('GET', KC + '/admin/realms/prodcheck/clients?clientId=training-cli', headers=auth); print('training-cli absent:', 'OK' if b.strip() == '[]' else 'UNEXPECTED')
s, _, b = req('POST', KC + '/realms/prodcheck/protocol/openid-connect/token', {'grant_type': 'password',
    'client_id': 'training-gateway', 'client_secret': 'x' * 32, 'username': 'checkstaff', 'password': 'Kiem-Tra#2026xyz'})
print('password grant refused:', s, 'OK' if s in (400, 401) else 'UNEXPECTED')
print('delete', req('DELETE', KC + '/admin/realms/prodcheck', headers=auth)[0])
