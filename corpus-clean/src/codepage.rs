//! Single-byte code pages, built from `encoding_rs` tables (and `oem_cp`'s
//! for IBM code page 437) at first use.
//!
//! Mojibake repair re-encodes text into the code page it was wrongly decoded
//! with. The "sloppy" variants follow the usual practice of browsers and of
//! ftfy: a byte the code page leaves undefined decodes to the Latin-1
//! character of the same value, and byte `0x1A` stands for U+FFFD (what a
//! lossy decoder left behind).

use std::sync::OnceLock;

use encoding_rs::Encoding;

/// A single-byte code page: the characters of bytes `0x80..=0xFF` and the
/// reverse map.
#[derive(Debug)]
pub(crate) struct Charmap {
    /// Characters of bytes `0x80..=0xFF`.
    high: [char; 128],
    /// Sorted `(char, byte)` pairs for every non-ASCII character encodable.
    reverse: Vec<(char, u8)>,
    /// The byte of each character U+0080 to U+00FF, 0 when there is none
    /// (the byte 0 never encodes a non-ASCII character).
    latin1: [u8; 128],
    /// Whether this is a sloppy variant (undefined bytes read as Latin-1,
    /// `0x1A` for U+FFFD).
    pub(crate) sloppy: bool,
    /// Whether byte `0xA0` is the no-break space, which a careless process
    /// may have turned into a space (not so in Mac Roman).
    pub(crate) nbsp_a0: bool,
}

impl Charmap {
    fn build(encoding: Option<&'static Encoding>, sloppy: bool) -> Charmap {
        let mut high = ['\0'; 128];
        for (i, slot) in high.iter_mut().enumerate() {
            *slot = char::from(0x80 + i as u8);
        }
        Charmap::from_high(Charmap::decode_high(encoding, high), sloppy)
    }

    /// The characters of bytes `0x80..=0xFF` in `encoding` (`None`:
    /// Latin-1); a byte the encoding leaves undefined keeps `fallback`'s.
    fn decode_high(encoding: Option<&'static Encoding>, fallback: [char; 128]) -> [char; 128] {
        let mut high = fallback;
        for (i, slot) in high.iter_mut().enumerate() {
            let byte = 0x80 + i as u8;
            let latin1 = char::from(byte);
            *slot = match encoding {
                None => *slot,
                Some(enc) => {
                    let bytes = [byte];
                    match enc.decode_without_bom_handling_and_without_replacement(&bytes) {
                        Some(s) => {
                            let mut chars = s.chars();
                            match (chars.next(), chars.next()) {
                                (Some(c), None) => c,
                                _ => latin1,
                            }
                        }
                        None => latin1,
                    }
                }
            };
        }
        high
    }

    /// The code page with the characters `high` for bytes `0x80..=0xFF`.
    fn from_high(high: [char; 128], sloppy: bool) -> Charmap {
        let nbsp_a0 = high[0x20] == '\u{a0}';
        let mut reverse: Vec<(char, u8)> = high
            .iter()
            .enumerate()
            .map(|(i, &c)| (c, 0x80 + i as u8))
            .collect();
        if sloppy {
            reverse.push(('\u{fffd}', 0x1a));
        }
        reverse.sort_unstable();
        reverse.dedup_by_key(|p| p.0);
        let mut latin1 = [0u8; 128];
        for &(c, b) in &reverse {
            if let Some(slot) = (c as usize)
                .checked_sub(0x80)
                .and_then(|i| latin1.get_mut(i))
            {
                *slot = b;
            }
        }
        Charmap {
            high,
            reverse,
            latin1,
            sloppy,
            nbsp_a0,
        }
    }

    /// The byte for `c`, if the code page has one.
    #[inline]
    pub(crate) fn encode(&self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return Some(c as u8);
        }
        if let Some(&b) = (c as usize)
            .checked_sub(0x80)
            .and_then(|i| self.latin1.get(i))
        {
            return (b != 0).then_some(b);
        }
        self.reverse
            .binary_search_by_key(&c, |p| p.0)
            .ok()
            .map(|i| self.reverse[i].1)
    }

    /// The character of byte `b`.
    #[inline]
    pub(crate) fn decode(&self, b: u8) -> char {
        if b < 0x80 {
            if self.sloppy && b == 0x1a {
                return '\u{fffd}';
            }
            char::from(b)
        } else {
            self.high[usize::from(b - 0x80)]
        }
    }
}

/// The code pages tried, in order (the most common confusion first).
pub(crate) struct Charmaps {
    /// Windows-1252, sloppy.
    pub(crate) cp1252: Charmap,
    /// All code pages in the order they are tried.
    pub(crate) order: Vec<Charmap>,
    /// Per non-ASCII character: bit flags of UTF-8 byte roles it can play
    /// in any of the code pages (see `CLUE_*`).
    clues: Vec<(char, u8)>,
}

/// Can encode a UTF-8 lead byte of a 2-byte sequence (`0xC2..=0xDF`).
pub(crate) const CLUE_FIRST2: u8 = 1;
/// Can encode a UTF-8 lead byte of a 3-byte sequence (`0xE0..=0xEF`).
pub(crate) const CLUE_FIRST3: u8 = 2;
/// Can encode a UTF-8 lead byte of a 4-byte sequence (`0xF0..=0xF4`).
pub(crate) const CLUE_FIRST4: u8 = 4;
/// Can encode a UTF-8 continuation byte (`0x80..=0xBF`).
pub(crate) const CLUE_CONT: u8 = 8;

impl Charmaps {
    /// UTF-8 byte roles `c` can play (0 for none).
    #[inline]
    pub(crate) fn clues(&self, c: char) -> u8 {
        if c.is_ascii() {
            return 0;
        }
        self.clues
            .binary_search_by_key(&c, |p| p.0)
            .map_or(0, |i| self.clues[i].1)
    }
}

/// The shared code page tables.
pub(crate) fn charmaps() -> &'static Charmaps {
    static MAPS: OnceLock<Charmaps> = OnceLock::new();
    MAPS.get_or_init(|| {
        let order = vec![
            Charmap::build(None, false),
            Charmap::build(Some(encoding_rs::WINDOWS_1252), true),
            Charmap::build(Some(encoding_rs::WINDOWS_1251), true),
            Charmap::build(Some(encoding_rs::WINDOWS_1250), true),
            Charmap::build(Some(encoding_rs::WINDOWS_1253), true),
            Charmap::build(Some(encoding_rs::WINDOWS_1254), true),
            Charmap::build(Some(encoding_rs::WINDOWS_1257), true),
            Charmap::build(Some(encoding_rs::ISO_8859_2), false),
            Charmap::build(Some(encoding_rs::MACINTOSH), false),
            // IBM code page 437 (the DOS console), from the `oem_cp` tables.
            Charmap::from_high(oem_cp::code_table::DECODING_TABLE_CP437, false),
        ];
        let mut clues: Vec<(char, u8)> = Vec::new();
        for cm in &order {
            for (i, &c) in cm.high.iter().enumerate() {
                let b = 0x80 + i as u8;
                let flag = match b {
                    0x80..=0xBF => CLUE_CONT,
                    0xC2..=0xDF => CLUE_FIRST2,
                    0xE0..=0xEF => CLUE_FIRST3,
                    0xF0..=0xF4 => CLUE_FIRST4,
                    _ => 0,
                };
                if flag != 0 {
                    clues.push((c, flag));
                }
            }
        }
        clues.sort_unstable();
        let mut merged: Vec<(char, u8)> = Vec::with_capacity(clues.len());
        for (c, f) in clues {
            match merged.last_mut() {
                Some(last) if last.0 == c => last.1 |= f,
                _ => merged.push((c, f)),
            }
        }
        Charmaps {
            cp1252: Charmap::build(Some(encoding_rs::WINDOWS_1252), true),
            order,
            clues: merged,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_round_trips() {
        let maps = charmaps();
        assert_eq!(maps.cp1252.encode('€'), Some(0x80));
        assert_eq!(maps.cp1252.encode('’'), Some(0x92));
        assert_eq!(maps.cp1252.decode(0x92), '’');
        // Undefined in Windows-1252: sloppy reads it as Latin-1.
        assert_eq!(maps.cp1252.decode(0x81), '\u{81}');
        assert_eq!(maps.cp1252.encode('\u{fffd}'), Some(0x1a));
        assert_eq!(maps.order[0].encode('\u{92}'), Some(0x92));
        assert_eq!(maps.order[0].encode('€'), None);
        // The table of U+0080..U+00FF agrees with the sorted pairs.
        for cm in maps.order.iter().chain([&maps.cp1252]) {
            for u in 0x80..0x100 {
                let c = char::from_u32(u).unwrap();
                let searched = cm
                    .reverse
                    .binary_search_by_key(&c, |p| p.0)
                    .ok()
                    .map(|i| cm.reverse[i].1);
                assert_eq!(cm.encode(c), searched, "U+{u:04X}");
            }
        }
    }

    #[test]
    fn clues_cover_lead_and_continuation_bytes() {
        let maps = charmaps();
        assert_ne!(maps.clues('Ã') & CLUE_FIRST2, 0);
        assert_ne!(maps.clues('â') & CLUE_FIRST3, 0);
        assert_ne!(maps.clues('€') & CLUE_CONT, 0);
        assert_eq!(maps.clues('a'), 0);
    }
}
