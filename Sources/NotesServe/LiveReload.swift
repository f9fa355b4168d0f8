import Foundation

/// The script every served HTML page gets (added as it is sent, never to the
/// files on disk): it listens to `ReloadEvents`, reloads after a build that
/// passed, and shows a failed build's diagnostics over the page until the
/// next build passes.
enum LiveReload {
    static func script(build: String) -> String {
        """
        <script id="notesc-live">(function(){\
        var built=\(jsonString(build)),es=new EventSource("\(ReloadEvents.path)");\
        function hide(){var o=document.getElementById("notesc-overlay");if(o)o.remove()}\
        function line(o,t,s){var d=document.createElement("div");d.textContent=t;if(s)d.style.cssText=s;o.appendChild(d)}\
        function show(r){hide();var o=document.createElement("div");o.id="notesc-overlay";o.setAttribute("role","alert");\
        o.style.cssText="position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:1.5em 2em;\
        background:rgba(24,24,27,.94);color:#f4f4f5;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;white-space:pre-wrap";\
        line(o,"notesc: "+r.summary,"font-weight:bold;color:#fca5a5;margin-bottom:1em");\
        r.diagnostics.forEach(function(d){line(o,d.file+":"+d.line+":"+d.column+": "+d.severity+"["+d.rule+"]: "+d.message,"margin:.25em 0")});\
        if(r.more>0)line(o,"… and "+r.more+" more (see the terminal)");\
        line(o,"The page shows the last build that passed; it reloads when the next one passes.","margin-top:1em;opacity:.7");\
        (document.body||document.documentElement).appendChild(o)}\
        es.addEventListener("reload",function(){hide();location.reload()});\
        es.addEventListener("overlay",function(e){show(JSON.parse(e.data))});\
        es.addEventListener("clear",function(e){hide();if(JSON.parse(e.data).build!==built)location.reload()});\
        })();</script>
        """
    }

    /// `html` with the script before its last `</body>`, or at its end.
    static func inject(into html: Data, build: String) -> Data {
        let script = Data(script(build: build).utf8)
        var result = html
        if let end = html.range(of: Data("</body>".utf8), options: .backwards) ?? html.range(of: Data("</BODY>".utf8), options: .backwards) {
            result.replaceSubrange(end.lowerBound..<end.lowerBound, with: script)
        } else {
            result.append(script)
        }
        return result
    }

    private static func jsonString(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
