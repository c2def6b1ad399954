"""The briefing's stylesheet and script, inlined into every page.

The page's Content-Security-Policy allows exactly these two by their
SHA-256 hashes, so no other style or script (an injected one included) runs.
The script reads the filters and sets ``hidden`` or a class; it never writes
markup (no ``innerHTML``), so the dossier's strings stay text.
"""

from __future__ import annotations

import base64
import hashlib

__all__ = ["CSS", "SCRIPT", "csp"]

CSS = """
:root{--ink:#1d1d1f;--muted:#5f6368;--line:#d0d4d9;--bg:#fff;--soft:#f4f6f8;
--accent:#1f5fa8;--red:#c62828;--amber:#9a6700;--green:#2e7d32}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
color:var(--ink);background:var(--bg)}
header{padding:1rem 1rem .5rem;border-bottom:1px solid var(--line);background:var(--soft)}
h1{font-size:1.35rem;margin:0 0 .25rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem;border-bottom:2px solid var(--line)}
h3{font-size:1rem;margin:1rem 0 .35rem}
main{max-width:1100px;margin:0 auto;padding:0 1rem 2rem}
.summary,.muted,.meta{color:var(--muted)}
.meta{font-size:.8rem}
#filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:.5rem 0}
#filters label{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted);
min-width:0;max-width:100%}
#filters select{font:inherit;padding:.2rem;max-width:16rem}
#showing{font-size:.85rem;color:var(--muted)}
ul.items{list-style:none;padding:0;margin:0}
ul.items>li{border-left:3px solid var(--line);padding:.35rem .6rem;margin:.4rem 0;background:#fff}
li.contra{border-left-color:var(--red)}
li.silence{border-left-color:var(--amber)}
li.verdict{border-left-color:var(--green)}
.stance{font-weight:600}
.stance-denies{color:var(--red)}
.via,.assess,.note,.status{margin:.15rem 0 0 .8rem;font-size:.9rem}
.status{color:var(--red)}
blockquote{margin:.25rem 0 0 .8rem;padding:.2rem .5rem;border-left:2px solid var(--line);
font-size:.9rem;color:#333}
mark{background:#fff1a8;color:inherit;padding:0 .1em}
.ctx{color:var(--muted)}
.source-text{white-space:pre-wrap;background:var(--soft);padding:.75rem;border-radius:4px;
font-size:.92rem;max-height:36rem;overflow:auto}
.source-text mark:target{outline:2px solid var(--accent)}
.figure{overflow-x:auto;border:1px solid var(--line);border-radius:4px;background:#fff}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.8rem;color:var(--muted);
margin:.4rem 0;padding:0;list-style:none}
.legend svg{vertical-align:middle}
svg text{font:12px system-ui,sans-serif;fill:var(--ink)}
.node rect{stroke:#8a9099;stroke-width:1}
.node.actor rect{fill:#e8eef6}
.node.claim rect{fill:#fff}
.node.stance-denies rect{stroke:var(--red)}
.edge{fill:none;stroke-width:1.2}
.edge.says{stroke:#6b8fc7;opacity:.75}
.edge.relay{stroke:#888;stroke-dasharray:4 3;opacity:.75}
.edge.partof{stroke:#2e7d32;stroke-width:2}
.edge.affil{stroke:#9a6700;stroke-width:1.6;stroke-dasharray:2 3}
.edge.link{stroke:#1f5fa8;stroke-width:1.5}
.edge.contra{stroke:var(--red);stroke-width:3.5}
.legend .says{stroke:#6b8fc7}.legend .relay{stroke:#888;stroke-dasharray:4 3}
.legend .partof{stroke:#2e7d32;stroke-width:2}
.legend .affil{stroke:#9a6700;stroke-dasharray:2 3;stroke-width:1.6}
.legend .link{stroke:#1f5fa8;stroke-width:1.5}.legend .contra{stroke:var(--red);stroke-width:3.5}
.dim{opacity:.12}
.bar.made rect{fill:var(--accent)}
.bar.reported rect{fill:#9aa5b1}
.tick{stroke:var(--line)}
.bar .count{font-size:9px;fill:var(--muted)}
.tick-label{font-size:10px;fill:var(--muted);text-anchor:middle}
code{font-size:.85em;color:var(--muted)}
[hidden]{display:none!important}
@media (max-width:640px){body{font-size:14px}header,main{padding-left:.6rem;padding-right:.6rem}
#filters select{max-width:100%;width:100%}#filters label{flex:1 1 100%}
.via,.assess,.note,.status,blockquote{margin-left:.3rem}}
@media print{#filters,#showing{display:none!important}[hidden]{display:revert!important}
.dim{opacity:1}body{font-size:11pt}.figure{overflow:visible;border:0}
.source-text{max-height:none;overflow:visible}
section{break-inside:auto}li{break-inside:avoid}a{color:inherit;text-decoration:none}}
"""

SCRIPT = """
(function(){
  "use strict";
  var sel={claimant:document.getElementById("f-claimant"),
           subject:document.getElementById("f-subject"),
           section:document.getElementById("f-section")};
  var shown=document.getElementById("showing");
  function has(el,name,value){
    if(!value){return true;}
    var v=el.getAttribute("data-"+name);
    if(v===null){return true;}
    return v.split(" ").indexOf(value)>=0;
  }
  function apply(){
    var c=sel.claimant.value, s=sel.subject.value, sec=sel.section.value;
    var items=document.querySelectorAll("[data-claimant],[data-subject]");
    var n=0, total=0;
    for(var i=0;i<items.length;i++){
      var el=items[i], ok=has(el,"claimant",c)&&has(el,"subject",s);
      if(el instanceof SVGElement){el.classList.toggle("dim",!ok);}
      else{el.hidden=!ok;}
      if(el.classList.contains("claim")&&el.tagName==="LI"){total++;if(ok){n++;}}
    }
    var groups=document.querySelectorAll(".group");
    for(var j=0;j<groups.length;j++){
      groups[j].hidden=groups[j].querySelector("li:not([hidden])")===null;
    }
    var secs=document.querySelectorAll("main [data-section]");
    for(var k=0;k<secs.length;k++){
      var el2=secs[k], name=el2.getAttribute("data-section");
      el2.hidden=!!sec&&name!==sec&&!el2.querySelector('[data-section="'+sec+'"]')&&
        !(el2.parentElement&&el2.parentElement.closest('[data-section="'+sec+'"]'));
    }
    shown.textContent=(c||s)?("Showing "+n+" of "+total+" claims"):("All "+total+" claims");
  }
  for(var key in sel){sel[key].addEventListener("change",apply);}
  document.getElementById("f-reset").addEventListener("click",function(){
    sel.claimant.value="";sel.subject.value="";sel.section.value="";apply();});
  apply();
})();
"""


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def csp() -> str:
    """The page's Content-Security-Policy: nothing but `CSS` and `SCRIPT`, no network."""
    return (
        f"default-src 'none'; style-src {_hash(CSS)}; script-src {_hash(SCRIPT)}; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; "
        "form-action 'none'"
    )
