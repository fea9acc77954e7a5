//! The compact gazetteer: an `fst` map from name key to place records.
//!
//! Two byte blobs make a [`Gazetteer`]:
//!
//! * `gazetteer.fst` — an [`fst::Map`] from a normalized name key
//!   ([`crate::normalize::key`]) to either one record index (high bit set) or
//!   an `(offset << 32) | count` slice of the postings list;
//! * `gazetteer.bin` — a header, fixed-size records (28 bytes each), the
//!   postings (`u32` record indices), the country table and a string pool.
//!
//! Both are read in place: loading validates the header and the fst and copies
//! nothing, which is why [`Gazetteer::embedded`] takes well under a millisecond.

use std::borrow::Cow;

use once_cell::sync::Lazy;

use crate::normalize;
use crate::PlaceError;

pub(crate) const MAGIC: &[u8; 4] = b"ANGZ";
pub(crate) const VERSION: u32 = 1;
pub(crate) const HEADER_LEN: usize = 24;
pub(crate) const RECORD_LEN: usize = 28;
pub(crate) const COUNTRY_LEN: usize = 12;
pub(crate) const SINGLE: u64 = 1 << 63;
pub(crate) const NONE: u32 = u32::MAX;

static EMBEDDED_FST: &[u8] = include_bytes!("../data/gazetteer.fst");
static EMBEDDED_BIN: &[u8] = include_bytes!("../data/gazetteer.bin");

static EMBEDDED: Lazy<Result<Gazetteer, PlaceError>> =
    Lazy::new(|| Gazetteer::from_bytes(Cow::Borrowed(EMBEDDED_FST), Cow::Borrowed(EMBEDDED_BIN)));

/// What kind of place a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A populated place (GeoNames feature class P).
    City,
    /// A first-level division: province, governorate, US state.
    Admin1,
    Country,
    Continent,
    /// A named region that is none of the above (`Middle East`, `West Bank`).
    Region,
}

impl PlaceKind {
    pub(crate) fn from_u8(b: u8) -> PlaceKind {
        match b {
            1 => PlaceKind::Admin1,
            2 => PlaceKind::Country,
            3 => PlaceKind::Continent,
            4 => PlaceKind::Region,
            _ => PlaceKind::City,
        }
    }
    pub(crate) fn as_u8(self) -> u8 {
        match self {
            PlaceKind::City => 0,
            PlaceKind::Admin1 => 1,
            PlaceKind::Country => 2,
            PlaceKind::Continent => 3,
            PlaceKind::Region => 4,
        }
    }
}

/// One gazetteer entry, decoded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place<'g> {
    /// Index of the record in the gazetteer (stable for one gazetteer file).
    pub index: u32,
    pub name: &'g str,
    pub geonameid: Option<u64>,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    pub kind: PlaceKind,
    /// ISO 3166 alpha-2 and alpha-3 codes of the country the place is in.
    pub country2: Option<&'g str>,
    pub country3: Option<&'g str>,
    /// Record index of the place's admin-1 region.
    pub admin1: Option<u32>,
    /// A national capital.
    pub capital: bool,
}

/// The gazetteer: name lookup and record access.
pub struct Gazetteer {
    names: fst::Map<Cow<'static, [u8]>>,
    bin: Cow<'static, [u8]>,
    n_records: usize,
    postings_at: usize,
    n_postings: usize,
    countries_at: usize,
    n_countries: usize,
    strings_at: usize,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("records", &self.n_records)
            .field("names", &self.names.len())
            .finish()
    }
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at + 4)
        .and_then(|s| s.try_into().ok())
        .map(u32::from_le_bytes)
}

impl Gazetteer {
    /// The gazetteer compiled into annals (GeoNames cities ≥ 1000 inhabitants,
    /// admin-1 regions, countries, continents).
    pub fn embedded() -> Result<&'static Gazetteer, PlaceError> {
        EMBEDDED
            .as_ref()
            .map_err(|e| PlaceError::Gazetteer(e.to_string()))
    }

    /// A new handle on the embedded blobs, bypassing the shared instance
    /// (for timing the load; [`Gazetteer::embedded`] is what callers want).
    pub fn embedded_uncached() -> Result<Gazetteer, PlaceError> {
        Gazetteer::from_bytes(Cow::Borrowed(EMBEDDED_FST), Cow::Borrowed(EMBEDDED_BIN))
    }

    /// Load a gazetteer from files written by [`crate::build::build_gazetteer`].
    pub fn from_files(
        fst_path: &std::path::Path,
        bin_path: &std::path::Path,
    ) -> Result<Self, PlaceError> {
        let read = |p: &std::path::Path| {
            std::fs::read(p).map_err(|e| PlaceError::Io {
                path: p.display().to_string(),
                source: e,
            })
        };
        Gazetteer::from_bytes(Cow::Owned(read(fst_path)?), Cow::Owned(read(bin_path)?))
    }

    /// Load from the two blobs, checking the header and every section bound.
    pub fn from_bytes(
        fst_bytes: Cow<'static, [u8]>,
        bin: Cow<'static, [u8]>,
    ) -> Result<Self, PlaceError> {
        let bad = |m: &str| PlaceError::Gazetteer(format!("gazetteer.bin: {m}"));
        if bin.get(..4) != Some(MAGIC.as_slice()) {
            return Err(bad("not an annals gazetteer (bad magic)"));
        }
        if u32_at(&bin, 4) != Some(VERSION) {
            return Err(bad("unsupported version"));
        }
        let field = |i: usize| {
            u32_at(&bin, 8 + 4 * i)
                .map(|v| v as usize)
                .ok_or_else(|| bad("short header"))
        };
        let n_records = field(0)?;
        let n_postings = field(1)?;
        let n_countries = field(2)?;
        let n_strings = field(3)?;
        let postings_at = HEADER_LEN + n_records * RECORD_LEN;
        let countries_at = postings_at + n_postings * 4;
        let strings_at = countries_at + n_countries * COUNTRY_LEN;
        if strings_at + n_strings != bin.len() {
            return Err(bad("section sizes do not add up to the file length"));
        }
        let names = fst::Map::new(fst_bytes)
            .map_err(|e| PlaceError::Gazetteer(format!("gazetteer.fst: {e}")))?;
        Ok(Gazetteer {
            names,
            bin,
            n_records,
            postings_at,
            n_postings,
            countries_at,
            n_countries,
            strings_at,
        })
    }

    /// Number of place records.
    pub fn len(&self) -> usize {
        self.n_records
    }

    pub fn is_empty(&self) -> bool {
        self.n_records == 0
    }

    /// Number of distinct name keys.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }

    /// Record `index`, or `None` if out of range or malformed.
    pub fn place(&self, index: u32) -> Option<Place<'_>> {
        let i = index as usize;
        if i >= self.n_records {
            return None;
        }
        let at = HEADER_LEN + i * RECORD_LEN;
        let r = self.bin.get(at..at + RECORD_LEN)?;
        let u = |o: usize| u32_at(r, o);
        let id = u(0)?;
        let lat = u(4)? as i32 as f64 / 1e5;
        let lon = u(8)? as i32 as f64 / 1e5;
        let population = u(12)? as u64;
        let name = self.string(u(16)? as usize)?;
        let admin1 = u(20)?;
        let country = *r.get(24)?;
        let kind = PlaceKind::from_u8(*r.get(25)?);
        let capital = r.get(26).is_some_and(|f| f & 1 != 0);
        let (country2, country3) = match self.country_codes(country) {
            Some((a, b)) => (Some(a), Some(b)),
            None => (None, None),
        };
        Some(Place {
            index,
            name,
            geonameid: (id != 0).then_some(id as u64),
            lat,
            lon,
            population,
            kind,
            country2,
            country3,
            admin1: (admin1 != NONE).then_some(admin1),
            capital,
        })
    }

    fn string(&self, off: usize) -> Option<&str> {
        let at = self.strings_at + off;
        let len = u16::from_le_bytes(self.bin.get(at..at + 2)?.try_into().ok()?) as usize;
        std::str::from_utf8(self.bin.get(at + 2..at + 2 + len)?).ok()
    }

    fn country_codes(&self, idx: u8) -> Option<(&str, &str)> {
        let i = idx as usize;
        if i >= self.n_countries {
            return None;
        }
        let at = self.countries_at + i * COUNTRY_LEN;
        let row = self.bin.get(at..at + COUNTRY_LEN)?;
        let iso2 = std::str::from_utf8(row.get(0..2)?).ok()?;
        let iso3 = std::str::from_utf8(row.get(2..5)?).ok()?;
        Some((iso2, iso3))
    }

    /// The country record for an ISO alpha-2 or alpha-3 code.
    pub fn country(&self, code: &str) -> Option<Place<'_>> {
        (0..self.n_countries).find_map(|i| {
            let at = self.countries_at + i * COUNTRY_LEN;
            let row = self.bin.get(at..at + COUNTRY_LEN)?;
            let hit = row.get(0..2)? == code.as_bytes() || row.get(2..5)? == code.as_bytes();
            if hit {
                self.place(u32_at(row, 8)?)
            } else {
                None
            }
        })
    }

    /// Record indices whose names normalize to `key` (already normalized).
    pub fn lookup_key(&self, key: &str) -> Vec<u32> {
        let Some(v) = self.names.get(key) else {
            return Vec::new();
        };
        if v & SINGLE != 0 {
            return vec![(v & 0xFFFF_FFFF) as u32];
        }
        let off = (v >> 32) as usize;
        let n = (v & 0xFFFF_FFFF) as usize;
        if off + n > self.n_postings {
            return Vec::new();
        }
        (off..off + n)
            .filter_map(|i| u32_at(&self.bin, self.postings_at + 4 * i))
            .collect()
    }

    /// Whether some name key equals `key` exactly.
    pub fn contains_key(&self, key: &str) -> bool {
        self.names.contains_key(key)
    }

    /// Places named `name` (any spelling the gazetteer knows), trying the name
    /// without an Arabic article if the full form is unknown.
    pub fn lookup(&self, name: &str) -> Vec<Place<'_>> {
        let k = normalize::key(name);
        let mut ids = self.lookup_key(&k);
        if ids.is_empty() {
            if let Some(rest) = normalize::strip_article(&k) {
                ids = self.lookup_key(rest);
            }
        }
        ids.into_iter().filter_map(|i| self.place(i)).collect()
    }
}
