//! annals' own gazetteer build: GeoNames JSON → `gazetteer.fst` + `gazetteer.bin`.
//!
//! Run by hand (never by `cargo build` or CI) when the GeoNames extract or the
//! hand tables in `data/` change:
//!
//! ```text
//! annals places --build-gazetteer ../shared/gazetteer crates/annals-place/data
//! ```
//!
//! Inputs: `cities1000.json`, `countries.json`, `continents.json`,
//! `admin1.json`, `us_states.json` from the source directory, plus
//! `data/country_points.tsv`, `data/aliases.tsv` and `data/regions.tsv`
//! compiled into this crate. Only Latin-script names are kept: annals reads
//! English news.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Deserialize;

use crate::gazetteer::{
    PlaceKind, COUNTRY_LEN, HEADER_LEN, MAGIC, NONE, RECORD_LEN, SINGLE, VERSION,
};
use crate::normalize::{is_latin_name, key, strip_article};
use crate::PlaceError;

const COUNTRY_POINTS: &str = include_str!("../data/country_points.tsv");
const ALIASES: &str = include_str!("../data/aliases.tsv");
const REGIONS: &str = include_str!("../data/regions.tsv");

/// Countries whose place names carry the Arabic article (`Al Hillah`, `Ar Raqqah`):
/// their names are also indexed without it.
const ARABIC_ARTICLE_COUNTRIES: &[&str] = &[
    "IQ", "SY", "JO", "LB", "SA", "YE", "OM", "AE", "QA", "BH", "KW", "EG", "LY", "TN", "DZ", "MA",
    "SD", "PS", "MR", "IL",
];

/// Alternate names of places smaller than this are not indexed (only the main name):
/// small places' aliases are mostly noise that fires on ordinary words.
const ALIAS_MIN_POPULATION: u64 = 5_000;

#[derive(Deserialize)]
struct CityRow {
    geonameid: u64,
    name: String,
    latitude: f64,
    longitude: f64,
    countrycode: String,
    population: u64,
    admin1code: Option<String>,
    #[serde(default)]
    alternatenames: Vec<String>,
}

#[derive(Deserialize)]
struct CountryRow {
    geonameid: u64,
    name: String,
    iso: String,
    iso3: String,
    population: u64,
    #[serde(default)]
    capital: String,
}

#[derive(Deserialize)]
struct ContinentRow {
    #[serde(rename = "geonameId")]
    geoname_id: u64,
    name: String,
    lat: serde_json::Value,
    lng: serde_json::Value,
    population: u64,
}

#[derive(Deserialize)]
struct Admin1Row {
    code: String,
    name: String,
}

#[derive(Deserialize)]
struct UsStateRow {
    code: String,
    geonameid: u64,
}

/// What a build produced.
#[derive(Debug, Clone, Default)]
pub struct BuildStats {
    pub records: usize,
    pub keys: usize,
    pub fst_bytes: usize,
    pub bin_bytes: usize,
}

struct Rec {
    id: u64,
    lat: f64,
    lon: f64,
    pop: u64,
    name: String,
    admin1: u32,
    country: u8,
    kind: PlaceKind,
    /// Bit 0: national capital.
    flags: u8,
}

fn read_json<T: serde::de::DeserializeOwned>(dir: &Path, file: &str) -> Result<T, PlaceError> {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).map_err(|e| PlaceError::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    serde_json::from_str(&text).map_err(|e| PlaceError::Build(format!("{}: {e}", path.display())))
}

fn num(v: &serde_json::Value) -> Option<f64> {
    match v {
        serde_json::Value::Number(n) => n.as_f64(),
        serde_json::Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// Admin-1 names often carry a type word: index the bare name too.
fn admin1_variants(name: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    let k = key(name);
    for suffix in [
        " governorate",
        " province",
        " region",
        " oblast",
        " state",
        " prefecture",
        " district",
        " county",
        " department",
        " muhafazah",
    ] {
        if let Some(s) = k.strip_suffix(suffix) {
            out.push(s.to_string());
        }
    }
    for prefix in ["muhafazat ", "province of ", "wilayat ", "state of "] {
        if let Some(s) = k.strip_prefix(prefix) {
            out.push(s.to_string());
        }
    }
    out
}

/// Build the two gazetteer files from the GeoNames JSON in `src` into `out`.
pub fn build_gazetteer(src: &Path, out: &Path) -> Result<BuildStats, PlaceError> {
    let cities: HashMap<String, CityRow> = read_json(src, "cities1000.json")?;
    let countries: BTreeMap<String, CountryRow> = read_json(src, "countries.json")?;
    let continents: BTreeMap<String, ContinentRow> = read_json(src, "continents.json")?;
    let admin1: Vec<Admin1Row> = read_json(src, "admin1.json")?;
    let us_states: BTreeMap<String, UsStateRow> = read_json(src, "us_states.json")?;

    // Biggest first, then by id: a fixed order, so float sums and posting
    // lists (and so the output files) are the same on every run.
    let mut rows: Vec<&CityRow> = cities.values().collect();
    rows.sort_by(|a, b| {
        b.population
            .cmp(&a.population)
            .then(a.geonameid.cmp(&b.geonameid))
    });

    let mut recs: Vec<Rec> = Vec::new();
    let mut names: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let add_name = |names: &mut BTreeMap<String, Vec<u32>>, name: &str, rec: u32| {
        let k = key(name);
        if k.is_empty() {
            return;
        }
        let v = names.entry(k).or_default();
        if !v.contains(&rec) {
            v.push(rec);
        }
    };

    // Countries: table index = position, record per country.
    let points: HashMap<&str, (f64, f64)> = COUNTRY_POINTS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t');
            let iso = f.next()?;
            let lat = f.next()?.trim().parse().ok()?;
            let lon = f.next()?.trim().parse().ok()?;
            Some((iso, (lat, lon)))
        })
        .collect();
    // Mean of each country's places: the fallback point for countries the table lacks.
    let mut sums: HashMap<&str, (f64, f64, f64)> = HashMap::new();
    for c in &rows {
        let e = sums.entry(c.countrycode.as_str()).or_default();
        *e = (e.0 + c.latitude, e.1 + c.longitude, e.2 + 1.0);
    }
    let mut country_idx: HashMap<String, u8> = HashMap::new();
    let mut country_table: Vec<(String, String, u32)> = Vec::new();
    for c in countries.values() {
        if c.iso.len() != 2 || c.iso3.len() != 3 {
            continue;
        }
        let Some((lat, lon)) = points.get(c.iso.as_str()).copied().or_else(|| {
            sums.get(c.iso.as_str())
                .filter(|s| s.2 > 0.0)
                .map(|s| (s.0 / s.2, s.1 / s.2))
        }) else {
            continue;
        };
        if country_table.len() >= 255 {
            return Err(PlaceError::Build("more than 255 countries".into()));
        }
        let idx = country_table.len() as u8;
        let rec = recs.len() as u32;
        recs.push(Rec {
            id: c.geonameid,
            lat,
            lon,
            pop: c.population,
            name: c.name.clone(),
            admin1: NONE,
            country: idx,
            kind: PlaceKind::Country,
            flags: 0,
        });
        add_name(&mut names, &c.name, rec);
        country_idx.insert(c.iso.clone(), idx);
        country_table.push((c.iso.clone(), c.iso3.clone(), rec));
    }

    for c in continents.values() {
        let (Some(lat), Some(lon)) = (num(&c.lat), num(&c.lng)) else {
            continue;
        };
        let rec = recs.len() as u32;
        recs.push(Rec {
            id: c.geoname_id,
            lat,
            lon,
            pop: c.population,
            name: c.name.clone(),
            admin1: NONE,
            country: u8::MAX,
            kind: PlaceKind::Continent,
            flags: 0,
        });
        add_name(&mut names, &c.name, rec);
    }

    // Admin-1: point = plain mean of its places, which tracks the region's
    // settled area; weighting by population would collapse it onto the capital.
    let mut a1_sums: HashMap<String, (f64, f64, f64, u64)> = HashMap::new();
    for c in &rows {
        let Some(code) = c.admin1code.as_deref() else {
            continue;
        };
        let w = 1.0;
        let e = a1_sums
            .entry(format!("{}.{}", c.countrycode, code))
            .or_default();
        *e = (
            e.0 + w * c.latitude,
            e.1 + w * c.longitude,
            e.2 + w,
            e.3 + c.population,
        );
    }
    let us_ids: HashMap<String, u64> = us_states
        .values()
        .map(|s| (format!("US.{}", s.code), s.geonameid))
        .collect();
    let mut admin1_rec: HashMap<String, u32> = HashMap::new();
    for a in &admin1 {
        let Some(&(sl, so, sw, pop)) = a1_sums.get(&a.code) else {
            continue;
        };
        let Some(cc) = a.code.split('.').next() else {
            continue;
        };
        let Some(&country) = country_idx.get(cc) else {
            continue;
        };
        let rec = recs.len() as u32;
        recs.push(Rec {
            id: us_ids.get(&a.code).copied().unwrap_or(0),
            lat: sl / sw,
            lon: so / sw,
            pop,
            name: a.name.clone(),
            admin1: rec,
            country,
            kind: PlaceKind::Admin1,
            flags: 0,
        });
        for v in admin1_variants(&a.name) {
            add_name(&mut names, &v, rec);
            if ARABIC_ARTICLE_COUNTRIES.contains(&cc) {
                if let Some(bare) = strip_article(&key(&v)) {
                    add_name(&mut names, bare, rec);
                }
            }
        }
        admin1_rec.insert(a.code.clone(), rec);
    }

    // Hand regions: name, iso2 or -, lat, lon, aliases separated by |.
    for (ln, line) in REGIONS.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let bad = || {
            PlaceError::Build(format!(
                "data/regions.tsv line {}: expected name, country, lat, lon, aliases",
                ln + 1
            ))
        };
        let (Some(name), Some(cc), Some(lat), Some(lon)) =
            (f.first(), f.get(1), f.get(2), f.get(3))
        else {
            return Err(bad());
        };
        let lat: f64 = lat.trim().parse().map_err(|_| bad())?;
        let lon: f64 = lon.trim().parse().map_err(|_| bad())?;
        let rec = recs.len() as u32;
        recs.push(Rec {
            id: 0,
            lat,
            lon,
            pop: 0,
            name: name.to_string(),
            admin1: NONE,
            country: country_idx.get(*cc).copied().unwrap_or(u8::MAX),
            kind: PlaceKind::Region,
            flags: 0,
        });
        add_name(&mut names, name, rec);
        for alias in f
            .get(4)
            .map(|s| s.split('|'))
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
        {
            add_name(&mut names, alias, rec);
        }
    }

    // Cities, biggest first so equal keys list them in population order.
    let mut city_rec: HashMap<u64, u32> = HashMap::new();
    for c in rows {
        let Some(&country) = country_idx.get(&c.countrycode) else {
            continue;
        };
        let admin1 = c
            .admin1code
            .as_deref()
            .and_then(|a| admin1_rec.get(&format!("{}.{}", c.countrycode, a)))
            .copied()
            .unwrap_or(NONE);
        let rec = recs.len() as u32;
        recs.push(Rec {
            id: c.geonameid,
            lat: c.latitude,
            lon: c.longitude,
            pop: c.population,
            name: c.name.clone(),
            admin1,
            country,
            kind: PlaceKind::City,
            flags: 0,
        });
        city_rec.insert(c.geonameid, rec);
        let arabic = ARABIC_ARTICLE_COUNTRIES.contains(&c.countrycode.as_str());
        let mut index = |n: &str| {
            add_name(&mut names, n, rec);
            if arabic {
                if let Some(bare) = strip_article(&key(n)) {
                    add_name(&mut names, bare, rec);
                }
            }
        };
        if is_latin_name(&c.name) {
            index(&c.name);
        }
        if c.population >= ALIAS_MIN_POPULATION {
            for a in &c.alternatenames {
                // Capitalized Latin names of 4+ characters: short and lowercase
                // alternates are codes and romanization noise.
                let proper = a.chars().next().is_some_and(char::is_uppercase);
                if proper && a.chars().count() >= 4 && is_latin_name(a) {
                    index(a);
                }
            }
        }
    }

    // National capitals: the most populous place of the capital's name in its country.
    for c in countries.values() {
        let Some(&idx) = country_idx.get(&c.iso) else {
            continue;
        };
        let want = key(&c.capital);
        if want.is_empty() {
            continue;
        }
        let best = names
            .get(&want)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&r| {
                recs[r as usize].kind == PlaceKind::City && recs[r as usize].country == idx
            })
            .max_by_key(|&r| recs[r as usize].pop);
        if let Some(r) = best {
            recs[r as usize].flags |= 1;
        }
    }

    // Aliases: name, then `country:XX`, `admin1:XX.YY` or `city:GEONAMEID`.
    for (ln, line) in ALIASES.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut f = line.split('\t');
        let (Some(alias), Some(target)) = (f.next(), f.next()) else {
            return Err(PlaceError::Build(format!(
                "data/aliases.tsv line {}: expected alias<TAB>target",
                ln + 1
            )));
        };
        let rec = match target.trim().split_once(':') {
            Some(("country", cc)) => country_idx.get(cc).map(|&i| country_table[i as usize].2),
            Some(("admin1", code)) => admin1_rec.get(code).copied(),
            Some(("city", id)) => id
                .parse()
                .ok()
                .and_then(|id: u64| city_rec.get(&id).copied()),
            _ => None,
        };
        match rec {
            Some(r) => add_name(&mut names, alias, r),
            None => {
                return Err(PlaceError::Build(format!(
                    "data/aliases.tsv line {}: unknown target {target:?}",
                    ln + 1
                )))
            }
        }
    }

    // Serialize.
    let mut strings: Vec<u8> = Vec::new();
    let mut body: Vec<u8> = Vec::with_capacity(recs.len() * RECORD_LEN);
    for r in &recs {
        let name_off = strings.len() as u32;
        let nb = r.name.as_bytes();
        let nb = &nb[..nb.len().min(u16::MAX as usize)];
        strings.extend_from_slice(&(nb.len() as u16).to_le_bytes());
        strings.extend_from_slice(nb);
        body.extend_from_slice(&(r.id.min(u32::MAX as u64) as u32).to_le_bytes());
        body.extend_from_slice(&((r.lat * 1e5).round() as i32).to_le_bytes());
        body.extend_from_slice(&((r.lon * 1e5).round() as i32).to_le_bytes());
        body.extend_from_slice(&(r.pop.min(u32::MAX as u64) as u32).to_le_bytes());
        body.extend_from_slice(&name_off.to_le_bytes());
        body.extend_from_slice(&r.admin1.to_le_bytes());
        body.push(r.country);
        body.push(r.kind.as_u8());
        body.extend_from_slice(&[r.flags, 0]);
    }
    let mut postings: Vec<u8> = Vec::new();
    let mut n_postings: u64 = 0;
    let mut map = fst::MapBuilder::memory();
    for (k, ids) in &names {
        let v = if let [one] = ids.as_slice() {
            SINGLE | *one as u64
        } else {
            let v = (n_postings << 32) | ids.len() as u64;
            for id in ids {
                postings.extend_from_slice(&id.to_le_bytes());
            }
            n_postings += ids.len() as u64;
            v
        };
        map.insert(k, v)
            .map_err(|e| PlaceError::Build(format!("fst: {e}")))?;
    }
    let fst_bytes = map
        .into_inner()
        .map_err(|e| PlaceError::Build(format!("fst: {e}")))?;

    let mut bin: Vec<u8> = Vec::new();
    bin.extend_from_slice(MAGIC);
    bin.extend_from_slice(&VERSION.to_le_bytes());
    for n in [
        recs.len(),
        n_postings as usize,
        country_table.len(),
        strings.len(),
    ] {
        bin.extend_from_slice(&(n as u32).to_le_bytes());
    }
    debug_assert_eq!(bin.len(), HEADER_LEN);
    bin.extend_from_slice(&body);
    bin.extend_from_slice(&postings);
    for (iso2, iso3, rec) in &country_table {
        let mut row = [0u8; COUNTRY_LEN];
        row[..2].copy_from_slice(&iso2.as_bytes()[..2]);
        row[2..5].copy_from_slice(&iso3.as_bytes()[..3]);
        row[8..12].copy_from_slice(&rec.to_le_bytes());
        bin.extend_from_slice(&row);
    }
    bin.extend_from_slice(&strings);

    std::fs::create_dir_all(out).map_err(|e| PlaceError::Io {
        path: out.display().to_string(),
        source: e,
    })?;
    let write = |file: &str, bytes: &[u8]| {
        let p = out.join(file);
        std::fs::write(&p, bytes).map_err(|e| PlaceError::Io {
            path: p.display().to_string(),
            source: e,
        })
    };
    write("gazetteer.fst", &fst_bytes)?;
    write("gazetteer.bin", &bin)?;
    Ok(BuildStats {
        records: recs.len(),
        keys: names.len(),
        fst_bytes: fst_bytes.len(),
        bin_bytes: bin.len(),
    })
}
