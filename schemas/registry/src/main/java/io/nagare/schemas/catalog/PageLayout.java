package io.nagare.schemas.catalog;

/** The frame of every catalog page: one self-contained file with its own style, no scripts, no external assets. */
final class PageLayout {

    private static final String STYLE = """
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2630;background:#fafbfc}
            header{background:#12344d;color:#fff;padding:.8em 2em}
            header a{color:#cfe5f7;text-decoration:none;margin-right:1.5em}
            main{padding:1em 2em 3em;max-width:1200px}
            h1{margin:.3em 0}
            h2{margin-top:2em;border-bottom:1px solid #d5dde5;padding-bottom:.2em}
            h3{margin-top:1.6em}
            table{border-collapse:collapse;margin:.6em 0;width:100%;background:#fff}
            th,td{border:1px solid #d5dde5;padding:.3em .6em;text-align:left;vertical-align:top}
            th{background:#eef2f6}
            code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
            pre{background:#f1f4f7;border:1px solid #d5dde5;padding:.7em;overflow:auto}
            dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1.2em}
            dt{font-weight:600}
            dd{margin:0}
            .badge{display:inline-block;border-radius:3px;padding:0 .5em;font-size:12px;background:#dcebf7;color:#12344d}
            .invalid{background:#fbeaea;color:#7a1c1c}
            .muted{color:#66717d}
            """;

    private PageLayout() {
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n"
                + "<html lang=\"en\">\n"
                + "<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.text(title) + " · Nagare event catalog</title>\n"
                + "<style>\n" + STYLE + "</style>\n"
                + "</head>\n"
                + "<body>\n"
                + "<header><a href=\"index.html\">Nagare event catalog</a></header>\n"
                + "<main>\n"
                + body
                + "</main>\n"
                + "</body>\n"
                + "</html>\n";
    }
}
