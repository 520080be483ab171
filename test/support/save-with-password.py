"""Saves a spreadsheet through LibreOffice (UNO) with a password to open: save-with-password.py SRC DST FILTER PASSWORD.

FILTER is a LibreOffice filter name ("calc8" for .ods, "MS Excel 97" for .xls). Run with the Python that
has the uno module (Debian: /usr/bin/python3 with python3-uno). Uses a throw-away LibreOffice profile.
"""
import os, shutil, subprocess, sys, tempfile, time
import uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

src, dst, filter_name, password = sys.argv[1:5]
profile = tempfile.mkdtemp(prefix='cchc-uno-')
pipe = f'cchc_encrypt_{os.getpid()}'
office = subprocess.Popen(['soffice', '--headless', '--invisible', '--norestore', '--nologo', '--nodefault',
                           f'-env:UserInstallation={uno.systemPathToFileUrl(profile)}', f'--accept=pipe,name={pipe};urp;'],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    ctx = None
    for _ in range(240):
        try:
            ctx = resolver.resolve(f'uno:pipe,name={pipe};urp;StarOffice.ComponentContext'); break
        except Exception:
            time.sleep(0.25)
    if ctx is None: sys.exit('LibreOffice did not start')
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), '_blank', 0, (prop('Hidden', True),))
    args = (prop('FilterName', filter_name),) + ((prop('Password', password),) if password else ())
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), args)
    doc.close(True)
    try: desktop.terminate()
    except Exception: pass
finally:
    try: office.wait(timeout=60)
    except subprocess.TimeoutExpired: office.kill()
    shutil.rmtree(profile, ignore_errors=True)
