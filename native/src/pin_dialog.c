/*
 * The PIN dialog on Windows, as NHI's DLL shows one: a small modal window with a masked field for 4–12
 * digits, OK and Cancel, on top of the HIS. Used when NHI_PINENTRY names no program. Built from plain
 * windows (no resource script), on the calling thread; the digits are wiped from the edit control.
 */
#ifdef _WIN32
#include "link.h"

#include <windows.h>
#include <string.h>

enum { ID_EDIT = 100, ID_OK = IDOK, ID_CANCEL = IDCANCEL };

typedef struct {
    HWND edit;
    char *pin;
    size_t size;
    int done;   /* 0 open, 1 OK, 2 cancelled */
} dialog_state;

static LRESULT CALLBACK dialog_proc(HWND w, UINT msg, WPARAM wp, LPARAM lp) {
    dialog_state *st = (dialog_state *)GetWindowLongPtrA(w, GWLP_USERDATA);
    switch (msg) {
    case WM_CREATE: {
        CREATESTRUCTA *cs = (CREATESTRUCTA *)lp;
        SetWindowLongPtrA(w, GWLP_USERDATA, (LONG_PTR)cs->lpCreateParams);
        return 0;
    }
    case WM_COMMAND:
        if (st != NULL && (LOWORD(wp) == ID_OK || LOWORD(wp) == ID_CANCEL)) {
            if (LOWORD(wp) == ID_OK) {
                GetWindowTextA(st->edit, st->pin, (int)st->size);
                st->done = 1;
            } else {
                st->done = 2;
            }
            SetWindowTextA(st->edit, "");
            DestroyWindow(w);
        }
        return 0;
    case WM_CLOSE:
        if (st != NULL) {
            st->done = 2;
            SetWindowTextA(st->edit, "");
        }
        DestroyWindow(w);
        return 0;
    default:
        return DefWindowProcA(w, msg, wp, lp);
    }
}

int nhi_pin_dialog(const char *prompt, char *pin, size_t size) {
    static const char *cls = "OpenNhiPinDialog";
    HINSTANCE inst = GetModuleHandleA(NULL);
    WNDCLASSA wc;
    memset(&wc, 0, sizeof wc);
    wc.lpfnWndProc = dialog_proc;
    wc.hInstance = inst;
    wc.hbrBackground = (HBRUSH)(COLOR_BTNFACE + 1);
    wc.lpszClassName = cls;
    RegisterClassA(&wc); /* fails harmlessly when already registered */
    dialog_state st = {NULL, pin, size, 0};
    HWND w = CreateWindowExA(WS_EX_TOPMOST | WS_EX_DLGMODALFRAME, cls, "PIN", WS_POPUP | WS_CAPTION | WS_SYSMENU,
                             CW_USEDEFAULT, CW_USEDEFAULT, 380, 150, GetActiveWindow(), NULL, inst, &st);
    if (w == NULL) {
        return -1; /* no desktop (a service, a headless session): no PIN dialog here */
    }
    HFONT font = (HFONT)GetStockObject(DEFAULT_GUI_FONT);
    HWND label = CreateWindowExA(0, "STATIC", prompt, WS_CHILD | WS_VISIBLE, 12, 10, 350, 20, w, NULL, inst, NULL);
    st.edit = CreateWindowExA(WS_EX_CLIENTEDGE, "EDIT", "",
                              WS_CHILD | WS_VISIBLE | WS_TABSTOP | ES_PASSWORD | ES_NUMBER, 12, 36, 350, 24, w,
                              (HMENU)(INT_PTR)ID_EDIT, inst, NULL);
    SendMessageA(st.edit, EM_LIMITTEXT, 12, 0);
    HWND ok = CreateWindowExA(0, "BUTTON", "OK", WS_CHILD | WS_VISIBLE | WS_TABSTOP | BS_DEFPUSHBUTTON, 196, 72,
                              80, 26, w, (HMENU)(INT_PTR)ID_OK, inst, NULL);
    HWND cancel = CreateWindowExA(0, "BUTTON", "Cancel", WS_CHILD | WS_VISIBLE | WS_TABSTOP, 282, 72, 80, 26, w,
                                  (HMENU)(INT_PTR)ID_CANCEL, inst, NULL);
    HWND children[] = {label, st.edit, ok, cancel};
    for (int i = 0; i < 4; i++) {
        SendMessageA(children[i], WM_SETFONT, (WPARAM)font, TRUE);
    }
    ShowWindow(w, SW_SHOW);
    SetForegroundWindow(w);
    SetFocus(st.edit);
    MSG m;
    while (st.done == 0 && GetMessageA(&m, NULL, 0, 0) > 0) {
        if (!IsDialogMessageA(w, &m)) {
            TranslateMessage(&m);
            DispatchMessageA(&m);
        }
    }
    if (st.done != 1 || pin[0] == '\0') {
        memset(pin, 0, size);
        return 5109;
    }
    return 0;
}
#endif
