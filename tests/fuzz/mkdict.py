# Writes the libFuzzer dictionary of a fuzz target to standard output:
#   python3 tests/fuzz/mkdict.py extract|yaml|render|report > tests/fuzz/TARGET.dict
# (run from the top of the tree; the extract dictionary reads the keyword
# tables of src/extract/lang_*.c).
import re,sys,glob
def esc(b):
    out=''
    for c in b:
        if c==0x22: out+='\\"'
        elif c==0x5c: out+='\\\\'
        elif 0x20<=c<0x7f: out+=chr(c)
        else: out+='\\x%02X'%c
    return '"'+out+'"'
seen=set()
lines=[]
def add(s, comment=None):
    b=s.encode() if isinstance(s,str) else s
    if b in seen or not b: return
    seen.add(b); lines.append(esc(b))
def section(t): lines.append(''); lines.append('# '+t)
mode=sys.argv[1]
if mode=='extract':
    lines.append('# libFuzzer dictionary of fuzz_extract: the citation vocabulary of the six')
    lines.append('# languages (the keyword tables of src/extract/lang_*.c, case kept as there')
    lines.append('# and capitalised), UN symbols and the punctuation the engine reads.')
    lines.append('# Regenerate the keyword part when a table grows.')
    section('document symbols')
    for s in ['A/RES/','A/DEC/','S/RES/','S/PRST/','A/HRC/RES/','A/HRC/DEC/','A/HRC/PRST/','E/CN.4/RES/','E/CN.4/DEC/','E/CN.4/SUB.2/RES/','E/CN.4/SUB.2/DEC/','E/RES/','E/DEC/','A/RES/S-','A/RES/ES-','A/HRC/RES/S-','A/HRC/','E/CN.4/','(S-IV)','(XXI)','(1967)','/Corr.1','/Add.1','/Rev.1','S/','A/HRC/21/2','E/CN.4/2005/','A/RES/60/251','S/RES/1325(2000)','A_HRC_RES_','.en.txt']:
        add(s)
    section('numbers, dates, punctuation')
    for s in ['5/1','60/251','242 (1967)','2004/81','18 June 2007','2012-09-27','1.','2.','(a)','(c)','3 (c)','\u00a0','\u3000','\uff08','\uff09','\uff0f','\u201c','\u201d','\u00ab','\u00bb','\u2014','\u2013','-\n','\n\n','\f','\r\n',';',':','\ufeff','\u200f','\u060c','\u061b','\u0660','\u0661','\u0669','\uff11','\uff15','\u3001','\u3002','\uff0c','\uff1b','\u7b2c','\u53f7','Ibid.','\u2028']:
        add(s)
    for f in sorted(glob.glob('src/extract/lang_*.c')):
        section(f)
        for m in re.finditer(r'\b(?:K|OPV|INSTR)\("((?:[^"\\]|\\.)*)"', open(f,encoding='utf-8').read()):
            w=m.group(1).encode().decode('unicode_escape').encode('latin-1') if '\\' in m.group(1) else m.group(1).encode()
            add(w)
            t=m.group(1)
            if t and t[0].isalpha() and t[0].islower():
                add(t[0].upper()+t[1:])
elif mode=='yaml':
    lines.append('# libFuzzer dictionary of fuzz_yaml: the keys and values of the YAML')
    lines.append('# schemas (citations, registry, .citegraph.yaml) and YAML syntax.')
    section('YAML syntax')
    for s in ['---','...','- ',': ','[',']','{','}',', ','"','\'','&a','*a','<<','!!str','!!int','!!map','? ','|','>','#','%YAML 1.1','%TAG','\\x01','\\u2028','~','null','true','yes','.inf','0x1F','1e3','-\n','\n  ','\n    ','\n- ','\ufeff']:
        add(s)
    section('keys')
    for s in ['source','language','document','citations','id','body','type','session','date','meeting','vote','agenda_item','agenda-item','title','target','pinpoint','relation','in','line','column','text','paragraphs','severity','ignore-paths','ignore-targets']:
        add(s); add(s+': ')
    section('values')
    for s in ['zh','en','fr','es','ru','ar','GA','SC','HRC','CHR','SUBCOM','ECOSOC','resolution','decision','statement','document','instrument','recalling','reaffirming','taking-note','bearing-in-mind','calling-upon','acting-under','PP1','OP3','footnote','title','header','without-vote','unanimous','14-0-1','2012-09-27','2001-02-29','note','warning','error','off','A/HRC/RES/5/1','S/RES/242(1967)','instrument:charter','E/CN.4/RES/2004/[0-9]*','*.draft.txt','date-mismatch','unresolved-target','malformed-symbol','missing-paragraph','later-document','self-citation','duplicate-document','language-versions-differ']:
        add(s)
elif mode=='render':
    lines.append('# libFuzzer dictionary of fuzz_render: the operations of its line format')
    lines.append('# and the characters each output syntax must escape.')
    section('operations')
    for s in ['\nD','\nT','\nd','\nR','\nP','\na','\nk','\nr','\nL','\nDA/HRC/RES/5/1','\nRS/RES/242(1967)','\nRinstrument:charter','\nd2012-09-27','\na1967-11-22','\nLen','\nLzh','citegraph:','citegraph::']:
        add(s)
    section('escaping')
    for s in ['"','\\','\\"','\\\\','<','>','&','&amp;','&#38;',"'",'\t','\r','\n','\r\n','\x00','\x01','\x1b','\x7f','\u0085','\u2028','\u2029','\ufeff','\ufffe','\uffff','\ufffd','\\n','\\l','\\N','\\G','{','}','[',']',';',',','=','->','--','<TD>','</TABLE>','//','/*','*/','#','%','-','+','null','1e3','NaN','\u7b2c21/21\u53f7\u51b3\u8bae','\u0627\u0644\u0642\u0631\u0627\u0631','\u00a0','\u200b','\u0301']:
        add(s)
    add(b'\xc3'); add(b'\xe2\x80'); add(b'\xed\xa0\x80'); add(b'\xf4\x90\x80\x80'); add(b'\xc0\xaf'); add(b'\xff')
elif mode=='report':
    lines.append('# libFuzzer dictionary of fuzz_report: separators of its input format and')
    lines.append('# the characters each report syntax must escape.')
    section('format')
    for s in [b'\xff', b'\xff\xff', b'\x00\x00\x00\x01\x00\x01']:
        add(s)
    section('escaping')
    for s in ['"','\\','<','>','&',"'",'%','%25','%0A',':',',','::','::error ','\t','\r','\n','\x01','\x1b[31m','\x7f','\u0085','\u2028','\ufeff','\ufffe','\ufffd','\u7b2c','\u0627','\u00e9','e\u0301','\uff21','\\u0000','</failure>',']]>','<![CDATA[','&amp;','file=','title=','.txt','data/texts/A_HRC_RES_21_21.zh.txt','C:\\x','a b','#']:
        add(s)
    add(b'\xc3'); add(b'\xe2\x80'); add(b'\xed\xa0\x80'); add(b'\xc0\xaf'); add(b'\xf8')
print('\n'.join(lines))
