/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The PIN window on Windows, as NHI's DLL shows one: a small modal window with a masked field for the digits,
 * OK and Cancel, on top of the HIS. Used when NHI_PINENTRY names no program. Plain windows (no resource
 * script) on the calling thread, in UTF-16 so the Chinese prompt shows on any code page; the class belongs to
 * this DLL and is unregistered after each use, so nothing of it outlives FreeLibrary.
 */
#ifdef _WIN32
#include "link.h"

#include <windows.h>
#include <string.h>

enum { ID_EDIT = 100 };

typedef struct {
    HWND edit;
    wchar_t digits[16];
    int done; /* 0 open, 1 OK, 2 cancelled */
} dialog_state;

static const char g_anchor = 0;

static HINSTANCE this_dll(void) {
    HMODULE self = NULL;
    GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                       (LPCWSTR)(const void *)&g_anchor, &self);
    return self;
}

static void finish(HWND w, dialog_state *st, int done) {
    if (done == 1) {
        GetWindowTextW(st->edit, st->digits, (int)(sizeof st->digits / sizeof st->digits[0]));
    }
    st->done = done;
    SetWindowTextW(st->edit, L"");
    DestroyWindow(w);
}

static LRESULT CALLBACK dialog_proc(HWND w, UINT msg, WPARAM wp, LPARAM lp) {
    dialog_state *st = (dialog_state *)GetWindowLongPtrW(w, GWLP_USERDATA);
    if (msg == WM_CREATE) {
        SetWindowLongPtrW(w, GWLP_USERDATA, (LONG_PTR)((CREATESTRUCTW *)lp)->lpCreateParams);
        return 0;
    }
    if (st != NULL && msg == WM_COMMAND && (LOWORD(wp) == IDOK || LOWORD(wp) == IDCANCEL)) {
        finish(w, st, LOWORD(wp) == IDOK ? 1 : 2);
        return 0;
    }
    if (st != NULL && msg == WM_CLOSE) {
        finish(w, st, 2);
        return 0;
    }
    return DefWindowProcW(w, msg, wp, lp);
}

static HWND child(HWND parent, const wchar_t *cls, const wchar_t *text, DWORD style, int x, int y, int w, int h,
                  int id, HINSTANCE inst) {
    HWND c = CreateWindowExW(wcscmp(cls, L"EDIT") == 0 ? WS_EX_CLIENTEDGE : 0, cls, text, WS_CHILD | WS_VISIBLE | style,
                             x, y, w, h, parent, (HMENU)(INT_PTR)id, inst, NULL);
    SendMessageW(c, WM_SETFONT, (WPARAM)GetStockObject(DEFAULT_GUI_FONT), TRUE);
    return c;
}

int nhi_pin_dialog(const char *prompt, char *pin, size_t size) {
    static const wchar_t *cls = L"OpenNhiPinWindow";
    HINSTANCE inst = this_dll();
    wchar_t text[256];
    if (MultiByteToWideChar(CP_UTF8, 0, prompt, -1, text, 256) == 0) {
        wcscpy(text, L"PIN");
    }
    WNDCLASSW wc;
    memset(&wc, 0, sizeof wc);
    wc.lpfnWndProc = dialog_proc;
    wc.hInstance = inst;
    wc.hbrBackground = (HBRUSH)(COLOR_BTNFACE + 1);
    wc.lpszClassName = cls;
    RegisterClassW(&wc);
    dialog_state st;
    memset(&st, 0, sizeof st);
    HWND w = CreateWindowExW(WS_EX_TOPMOST | WS_EX_DLGMODALFRAME, cls, L"PIN", WS_POPUP | WS_CAPTION | WS_SYSMENU,
                             CW_USEDEFAULT, CW_USEDEFAULT, 380, 150, GetActiveWindow(), NULL, inst, &st);
    if (w == NULL) {
        UnregisterClassW(cls, inst);
        return -1; /* no desktop (a service, a headless session): no PIN window here */
    }
    child(w, L"STATIC", text, 0, 12, 10, 350, 20, 0, inst);
    st.edit = child(w, L"EDIT", L"", WS_TABSTOP | ES_PASSWORD | ES_NUMBER, 12, 36, 350, 24, ID_EDIT, inst);
    SendMessageW(st.edit, EM_LIMITTEXT, 12, 0);
    child(w, L"BUTTON", L"OK", WS_TABSTOP | BS_DEFPUSHBUTTON, 196, 72, 80, 26, IDOK, inst);
    child(w, L"BUTTON", L"Cancel", WS_TABSTOP, 282, 72, 80, 26, IDCANCEL, inst);
    ShowWindow(w, SW_SHOW);
    SetForegroundWindow(w);
    SetFocus(st.edit);
    MSG m;
    while (st.done == 0) {
        BOOL got = GetMessageW(&m, NULL, 0, 0);
        if (got <= 0) {
            if (got == 0) {
                PostQuitMessage((int)m.wParam); /* the HIS is quitting: leave its WM_QUIT for its own loop */
            }
            finish(w, &st, 2);
            break;
        }
        if (!IsDialogMessageW(w, &m)) {
            TranslateMessage(&m);
            DispatchMessageW(&m);
        }
    }
    UnregisterClassW(cls, inst);
    int n = 0;
    for (; st.done == 1 && st.digits[n] != 0 && (size_t)n + 1 < size; n++) {
        pin[n] = (char)(st.digits[n] < 128 ? st.digits[n] : '?'); /* ES_NUMBER: ASCII digits */
    }
    pin[n] = '\0';
    SecureZeroMemory(st.digits, sizeof st.digits);
    return st.done == 1 && n > 0 ? 0 : 5109;
}
#endif
