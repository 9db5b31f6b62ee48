//! Numbers as the genre writes them: ASCII and full-width digits, decimals, thousands separators,
//! and Chinese numerals (一 … 四百九十九 … 九千九百九十九).

/// An ASCII or full-width digit's value.
pub(crate) fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

pub(crate) fn is_digit(c: char) -> bool {
    digit(c).is_some()
}

/// A Chinese numeral digit (not a power of ten).
pub(crate) fn cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '零' | '○' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn cn_power(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

pub(crate) fn is_cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || cn_power(c).is_some()
}

/// Reads a Chinese numeral below 10,000 at the start of `s` (`十`, `十一`, `二十`, `一百零一`,
/// `四百九十九`). Returns the value and the number of chars read. A numeral must start with a
/// digit or 十; powers must descend (so `十百` stops after `十`).
pub(crate) fn read_cn(s: &[char]) -> Option<(u64, usize)> {
    let first = *s.first()?;
    if cn_digit(first).is_none() && !matches!(first, '十' | '拾') {
        return None;
    }
    let mut total = 0u64;
    let mut pending: Option<u64> = None;
    let mut last_power = u64::MAX;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if let Some(d) = cn_digit(c) {
            if pending.is_some() && d != 0 {
                break; // two digits in a row (二三) is not one numeral
            }
            if d == 0 {
                pending = None; // 零 is a placeholder (一百零一)
            } else {
                pending = Some(d);
            }
        } else if let Some(p) = cn_power(c) {
            if p >= last_power {
                break;
            }
            total += pending.take().unwrap_or(1) * p;
            last_power = p;
        } else {
            break;
        }
        i += 1;
    }
    if let Some(d) = pending {
        total += d;
    }
    if i == 0 {
        None
    } else {
        Some((total, i))
    }
}

/// An Arabic number at the start of `s`: digits (ASCII or full-width), an optional thousands
/// grouping with ASCII commas (`1,415`) and an optional decimal part (`4457.56`).
/// Returns the value and the number of chars read.
pub(crate) fn read_arabic(s: &[char]) -> Option<(f64, usize)> {
    // Digits are accumulated by hand: `str::parse::<f64>` would pull core's float parser (about
    // 4 KB of wasm) in for numbers that never have more than a few decimals.
    let mut i = 0;
    let mut mantissa: u64 = 0;
    let mut digits = 0usize;
    let push = |d: u32, mantissa: &mut u64| {
        *mantissa = mantissa.saturating_mul(10).saturating_add(u64::from(d));
    };
    while let Some(d) = s.get(i).and_then(|c| digit(*c)) {
        push(d, &mut mantissa);
        digits += 1;
        i += 1;
    }
    if i == 0 {
        return None;
    }
    // Thousands groups: `,` + exactly three digits, not followed by another digit.
    if digits <= 3 {
        while s.get(i) == Some(&',')
            && s.get(i + 1..i + 4).is_some_and(|g| g.iter().all(|c| c.is_ascii_digit()))
            && !s.get(i + 4).is_some_and(|c| is_digit(*c))
        {
            for c in &s[i + 1..i + 4] {
                push(digit(*c).unwrap_or(0), &mut mantissa);
            }
            i += 4;
        }
    }
    let mut scale = 1.0f64;
    if matches!(s.get(i), Some('.') | Some('．')) && s.get(i + 1).is_some_and(|c| is_digit(*c)) {
        i += 1;
        while let Some(d) = s.get(i).and_then(|c| digit(*c)) {
            if scale < 1e15 {
                push(d, &mut mantissa);
                scale *= 10.0;
            }
            i += 1;
        }
    }
    // Dividing two exact integers rounds correctly: 445756 / 100 is the f64 nearest 4457.56.
    Some((mantissa as f64 / scale, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cn(s: &str) -> Option<(u64, usize)> {
        read_cn(&s.chars().collect::<Vec<_>>())
    }
    fn ar(s: &str) -> Option<(f64, usize)> {
        read_arabic(&s.chars().collect::<Vec<_>>())
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(cn("一、"), Some((1, 1)));
        assert_eq!(cn("十"), Some((10, 1)));
        assert_eq!(cn("十一"), Some((11, 2)));
        assert_eq!(cn("二十"), Some((20, 2)));
        assert_eq!(cn("九十九"), Some((99, 3)));
        assert_eq!(cn("一百"), Some((100, 2)));
        assert_eq!(cn("一百零一"), Some((101, 4)));
        assert_eq!(cn("一百一十"), Some((110, 4)));
        assert_eq!(cn("四百"), Some((400, 2)));
        assert_eq!(cn("四百九十九、"), Some((499, 5)));
        assert_eq!(cn("两千零二十三"), Some((2023, 6)));
        assert_eq!(cn("百"), None);
        assert_eq!(cn("万户"), None);
        assert_eq!(cn("二三"), Some((2, 1)));
    }

    #[test]
    fn arabic_numbers() {
        assert_eq!(ar("537项"), Some((537.0, 3)));
        assert_eq!(ar("4457.56亿元"), Some((4457.56, 7)));
        assert_eq!(ar("1,415亿元"), Some((1415.0, 5)));
        assert_eq!(ar("２０２３年"), Some((2023.0, 4)));
        assert_eq!(ar("2023,围绕"), Some((2023.0, 4)));
        assert_eq!(ar("12,3456"), Some((12.0, 2)));
        assert_eq!(ar("1．5亿元"), Some((1.5, 3)));
        assert_eq!(ar("1.项"), Some((1.0, 1)));
    }
}
