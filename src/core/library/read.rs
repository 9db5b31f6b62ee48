//! A small JSON reader for the index's own JSON files (the manifest and the cards): no serde in
//! the wasm (see "Size rules"). Numbers are kept as written and read with the figure parser's
//! digit loop when asked for; nesting deeper than [`MAX_DEPTH`] is refused, so no input can
//! overflow the stack.

pub(crate) const MAX_DEPTH: usize = 32;

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    /// A number as written (`-3.5`, `36100000000`).
    Num(String),
    Str(String),
    Arr(Vec<Value>),
    Obj(Vec<(String, Value)>),
}

impl Value {
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Obj(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A string, or `None` for null: `Err` for anything else.
    pub fn opt_str(&self) -> Result<Option<&str>, ()> {
        match self {
            Value::Str(s) => Ok(Some(s)),
            Value::Null => Ok(None),
            _ => Err(()),
        }
    }

    pub fn arr(&self) -> Option<&[Value]> {
        match self {
            Value::Arr(items) => Some(items),
            _ => None,
        }
    }

    /// A number, read with the digit loop of the figure parser (no float parsing, "Size rules").
    pub fn f64(&self) -> Option<f64> {
        let Value::Num(s) = self else { return None };
        let (neg, digits) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.as_str()),
        };
        let chars: Vec<char> = digits.chars().collect();
        let (v, len) = crate::parse::read_arabic(&chars)?;
        (len == chars.len()).then_some(if neg { -v } else { v })
    }

    /// A non-negative integer.
    pub fn u64(&self) -> Option<u64> {
        let Value::Num(s) = self else { return None };
        let mut v = 0u64;
        if s.is_empty() || s.len() > 19 {
            return None;
        }
        for b in s.bytes() {
            if !b.is_ascii_digit() {
                return None;
            }
            v = v * 10 + u64::from(b - b'0');
        }
        Some(v)
    }
}

/// Parses a whole document. The error says what was wrong, for a one-line message.
pub(crate) fn parse(bytes: &[u8]) -> Result<Value, &'static str> {
    let text = std::str::from_utf8(bytes).map_err(|_| "not UTF-8")?;
    let mut p = Parser { s: text.as_bytes(), at: 0, text };
    let v = p.value(0)?;
    p.space();
    if p.at != p.s.len() {
        return Err("text after the JSON value");
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    at: usize,
}

const CUT: &str = "cut short (truncated?)";

impl Parser<'_> {
    fn space(&mut self) {
        while self.s.get(self.at).is_some_and(|b| matches!(b, b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, word: &str) -> Result<(), &'static str> {
        if self.s[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(())
        } else if self.s.len() - self.at < word.len() {
            Err(CUT)
        } else {
            Err("not JSON")
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, &'static str> {
        if depth > MAX_DEPTH {
            return Err("nested too deep");
        }
        self.space();
        let Some(&b) = self.s.get(self.at) else { return Err(CUT) };
        match b {
            b'n' => self.eat("null").map(|_| Value::Null),
            b't' => self.eat("true").map(|_| Value::Bool(true)),
            b'f' => self.eat("false").map(|_| Value::Bool(false)),
            b'"' => self.string().map(Value::Str),
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.s.get(self.at) == Some(&b']') {
                    self.at += 1;
                    return Ok(Value::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.space();
                    match self.s.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Value::Arr(items));
                        }
                        Some(_) => return Err("not JSON"),
                        None => return Err(CUT),
                    }
                }
            }
            b'{' => {
                self.at += 1;
                let mut fields = Vec::new();
                self.space();
                if self.s.get(self.at) == Some(&b'}') {
                    self.at += 1;
                    return Ok(Value::Obj(fields));
                }
                loop {
                    self.space();
                    if self.s.get(self.at) != Some(&b'"') {
                        return Err(if self.at >= self.s.len() { CUT } else { "not JSON" });
                    }
                    let key = self.string()?;
                    self.space();
                    match self.s.get(self.at) {
                        Some(b':') => self.at += 1,
                        Some(_) => return Err("not JSON"),
                        None => return Err(CUT),
                    }
                    let v = self.value(depth + 1)?;
                    fields.push((key, v));
                    self.space();
                    match self.s.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            return Ok(Value::Obj(fields));
                        }
                        Some(_) => return Err("not JSON"),
                        None => return Err(CUT),
                    }
                }
            }
            b'-' | b'0'..=b'9' => {
                let start = self.at;
                self.at += 1;
                while self.s.get(self.at).is_some_and(|b| b.is_ascii_digit() || *b == b'.') {
                    self.at += 1;
                }
                if self.s.get(self.at).is_some_and(|b| matches!(b, b'e' | b'E')) {
                    return Err("a number with an exponent");
                }
                Ok(Value::Num(self.text[start..self.at].to_string()))
            }
            _ => Err("not JSON"),
        }
    }

    fn hex4(&mut self) -> Result<u32, &'static str> {
        let h = self.s.get(self.at..self.at + 4).ok_or(CUT)?;
        let mut v = 0;
        for b in h {
            let d = match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => return Err("bad \\u escape"),
            };
            v = v * 16 + u32::from(d);
        }
        self.at += 4;
        Ok(v)
    }

    fn string(&mut self) -> Result<String, &'static str> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        let mut start = self.at;
        loop {
            let Some(&b) = self.s.get(self.at) else { return Err(CUT) };
            match b {
                b'"' => {
                    out.push_str(&self.text[start..self.at]);
                    self.at += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(&self.text[start..self.at]);
                    let e = *self.s.get(self.at + 1).ok_or(CUT)?;
                    self.at += 2;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'u' => {
                            let mut c = self.hex4()?;
                            if (0xD800..0xDC00).contains(&c) && self.s[self.at..].starts_with(b"\\u") {
                                self.at += 2;
                                let low = self.hex4()?;
                                c = 0x10000 + ((c - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3ff);
                            }
                            out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                        }
                        _ => return Err("bad escape"),
                    }
                    start = self.at;
                }
                0..0x20 => return Err("a control char in a string"),
                _ => self.at += 1,
            }
        }
    }
}
