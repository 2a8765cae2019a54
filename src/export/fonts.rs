//! Fonts for the PDF: for each role the best installed face (found by family name with
//! `fontdb`), else the bundled Droid Sans Fallback; and a report of what was used.

use std::fmt;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use fontdb::{Database, Family, Query, Source, Weight};

use super::profile::{Profile, Role};

/// The font shipped inside the binary (Apache-2.0, licence in `assets/`): covers CJK and Latin.
static BUNDLED_FONT: &[u8] = include_bytes!("../../assets/DroidSansFallbackFull.ttf");

/// The family name of the bundled font.
pub const BUNDLED_FAMILY: &str = "Droid Sans Fallback";

/// Where a face came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FontSource {
    /// An installed font file (the path when it is a file).
    Installed {
        /// The file, when the face came from one.
        path: Option<PathBuf>,
    },
    /// The font bundled with Lectern.
    Bundled,
}

/// The bytes of a face's font file.
#[derive(Clone)]
pub(crate) enum FaceBytes {
    /// The bundled font.
    Static(&'static [u8]),
    /// An installed font, read into memory.
    Owned(Arc<Vec<u8>>),
}

impl FaceBytes {
    pub(crate) fn bytes(&self) -> &[u8] {
        match self {
            FaceBytes::Static(bytes) => bytes,
            FaceBytes::Owned(bytes) => bytes.as_slice(),
        }
    }
}

/// One font face chosen for the export.
#[derive(Clone)]
pub struct Face {
    /// Its family name.
    pub family: String,
    /// Where it came from.
    pub source: FontSource,
    /// Whether the face is bold (weight 600 or more).
    pub bold: bool,
    pub(crate) bytes: FaceBytes,
    /// The face's index in a collection (.ttc).
    pub(crate) index: u32,
}

impl fmt::Debug for Face {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Face")
            .field("family", &self.family)
            .field("source", &self.source)
            .field("index", &self.index)
            .finish()
    }
}

/// The font used for one role, and whether it is a stand-in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleFont {
    /// The role.
    pub role: Role,
    /// The family the profile asks for first.
    pub wanted: String,
    /// The family used.
    pub used: String,
    /// Where the used face came from.
    pub source: FontSource,
    /// The used face is not one of the role's own families (a fallback or the bundled font).
    pub substituted: bool,
}

impl fmt::Display for RoleFont {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let from = match &self.source {
            FontSource::Installed { path: Some(path) } => format!(" ({})", path.display()),
            FontSource::Installed { path: None } => String::new(),
            FontSource::Bundled => " (bundled)".to_string(),
        };
        if self.substituted {
            write!(
                f,
                "{}: {} not installed, using {}{from}",
                self.role, self.wanted, self.used
            )
        } else {
            write!(f, "{}: {}{from}", self.role, self.used)
        }
    }
}

/// Which font each role of an export uses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FontReport {
    /// One entry per role the profile styles.
    pub roles: Vec<RoleFont>,
    /// Characters that no chosen face (nor the bundled font) has; they print as empty boxes.
    pub missing_chars: Vec<char>,
}

impl FontReport {
    /// The entries whose font is a stand-in.
    pub fn substitutions(&self) -> impl Iterator<Item = &RoleFont> {
        self.roles.iter().filter(|r| r.substituted)
    }

    /// The entry of `role`.
    pub fn role(&self, role: Role) -> Option<&RoleFont> {
        self.roles.iter().find(|r| r.role == role)
    }
}

impl fmt::Display for FontReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for role in &self.roles {
            writeln!(f, "{role}")?;
        }
        if !self.missing_chars.is_empty() {
            let chars: String = self.missing_chars.iter().collect();
            writeln!(f, "characters no font has: {chars}")?;
        }
        Ok(())
    }
}

/// The installed fonts to choose from.
pub struct FontLibrary {
    db: Database,
}

impl FontLibrary {
    /// The system's fonts, loaded once per process (scanning them takes a while).
    pub fn system() -> &'static FontLibrary {
        static SYSTEM: OnceLock<FontLibrary> = OnceLock::new();
        SYSTEM.get_or_init(|| {
            let mut db = Database::new();
            db.load_system_fonts();
            FontLibrary { db }
        })
    }

    /// No installed fonts: every role uses the bundled font.
    pub fn bundled_only() -> FontLibrary {
        FontLibrary {
            db: Database::new(),
        }
    }

    /// The faces for `profile`'s roles and the report of what was chosen.
    pub fn fonts_for(&self, profile: &Profile) -> FontSet {
        let mut set = FontSet {
            faces: vec![Face {
                family: BUNDLED_FAMILY.to_string(),
                source: FontSource::Bundled,
                bold: false,
                bytes: FaceBytes::Static(BUNDLED_FONT),
                index: 0,
            }],
            role_faces: [FontSet::BUNDLED; Role::ALL.len()],
            latin_fallback: None,
            report: FontReport::default(),
        };
        let mut loaded: Vec<(fontdb::ID, usize)> = Vec::new();
        for role in Role::ALL {
            if !role_used(profile, role) {
                continue;
            }
            let style = profile.styles.get(role);
            let wanted = style
                .font
                .families
                .first()
                .cloned()
                .unwrap_or_else(|| BUNDLED_FAMILY.to_string());
            let weight = if style.bold {
                Weight::BOLD
            } else {
                Weight::NORMAL
            };
            let own = style.font.families.iter().map(|f| (f, false));
            let stand_ins = style.font.fallback_families.iter().map(|f| (f, true));
            let found = own.chain(stand_ins).find_map(|(family, substituted)| {
                self.find(family, weight)
                    .map(|id| (id, family, substituted))
            });
            let entry = match found.and_then(|(id, family, substituted)| {
                let index = match loaded.iter().find(|(seen, _)| *seen == id) {
                    Some((_, index)) => *index,
                    None => {
                        let face = self.load(id, family)?;
                        set.faces.push(face);
                        loaded.push((id, set.faces.len() - 1));
                        set.faces.len() - 1
                    }
                };
                Some((index, substituted))
            }) {
                Some((index, substituted)) => {
                    set.role_faces[role as usize] = index;
                    let face = &set.faces[index];
                    RoleFont {
                        role,
                        wanted,
                        used: face.family.clone(),
                        source: face.source.clone(),
                        substituted,
                    }
                }
                None => RoleFont {
                    role,
                    wanted,
                    used: BUNDLED_FAMILY.to_string(),
                    source: FontSource::Bundled,
                    substituted: true,
                },
            };
            set.report.roles.push(entry);
        }
        // The bundled font has CJK only: Latin letters, digits and some marks come from an
        // installed Latin face when the role's face lacks them.
        set.latin_fallback = LATIN_FALLBACK.iter().find_map(|family| {
            let id = self.find(family, Weight::NORMAL)?;
            if let Some((_, index)) = loaded.iter().find(|(seen, _)| *seen == id) {
                return Some(*index);
            }
            set.faces.push(self.load(id, family)?);
            Some(set.faces.len() - 1)
        });
        set
    }

    fn find(&self, family: &str, weight: Weight) -> Option<fontdb::ID> {
        let families = [Family::Name(family)];
        let id = self.db.query(&Query {
            families: &families,
            weight,
            ..Query::default()
        })?;
        // `query` matches family names exactly; keep that (no generic fallback).
        Some(id)
    }

    fn load(&self, id: fontdb::ID, family: &str) -> Option<Face> {
        let info = self.db.face(id)?;
        let path = match &info.source {
            Source::File(path) | Source::SharedFile(path, _) => Some(path.clone()),
            Source::Binary(_) => None,
        };
        let bytes = self.db.with_face_data(id, |data, _| data.to_vec())?;
        // The face must be one the PDF writer and the metrics reader can read.
        skrifa::FontRef::from_index(&bytes, info.index).ok()?;
        Some(Face {
            family: family.to_string(),
            source: FontSource::Installed { path },
            bold: info.weight.0 >= 600,
            bytes: FaceBytes::Owned(Arc::new(bytes)),
            index: info.index,
        })
    }
}

/// Installed faces used for characters that neither the role's face nor the bundled font has.
const LATIN_FALLBACK: [&str; 6] = [
    "DejaVu Serif",
    "DejaVu Sans",
    "Liberation Serif",
    "Noto Serif",
    "FreeSerif",
    "Nimbus Roman",
];

/// Whether `profile` prints text in `role` at all.
fn role_used(profile: &Profile, role: Role) -> bool {
    match role {
        Role::Notice => profile.check_against_delivery,
        Role::Header => profile.title_in_header,
        Role::Cue => profile.next_page_cue,
        Role::Meta => profile.show_speaker_and_date,
        _ => true,
    }
}

/// The faces of one export: index 0 is always the bundled font.
#[derive(Clone, Debug)]
pub struct FontSet {
    pub(crate) faces: Vec<Face>,
    role_faces: [usize; Role::ALL.len()],
    latin_fallback: Option<usize>,
    report: FontReport,
}

impl FontSet {
    /// The index of the bundled face.
    pub const BUNDLED: usize = 0;

    /// The faces; a [`super::layout::GlyphRun`]'s `face` indexes this.
    pub fn faces(&self) -> &[Face] {
        &self.faces
    }

    /// The face index of `role`.
    pub fn role_face(&self, role: Role) -> usize {
        self.role_faces[role as usize]
    }

    /// The installed face used for characters the others lack, if one was found.
    pub fn latin_fallback(&self) -> Option<usize> {
        self.latin_fallback
    }

    /// Which font each role uses.
    pub fn report(&self) -> &FontReport {
        &self.report
    }

    pub(crate) fn set_missing_chars(&mut self, chars: Vec<char>) {
        self.report.missing_chars = chars;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_only_substitutes_every_role_and_says_so() {
        let set = FontLibrary::bundled_only().fonts_for(&Profile::gongwen());
        let body = set.report().role(Role::Body).cloned();
        assert_eq!(
            body,
            Some(RoleFont {
                role: Role::Body,
                wanted: "FangSong".into(),
                used: BUNDLED_FAMILY.into(),
                source: FontSource::Bundled,
                substituted: true,
            })
        );
        assert!(set.report().role(Role::Cue).is_none(), "gongwen has no cue");
        assert_eq!(
            body.map(|b| b.to_string()).as_deref(),
            Some("body: FangSong not installed, using Droid Sans Fallback (bundled)")
        );
        assert!(skrifa::FontRef::from_index(set.faces()[0].bytes.bytes(), 0).is_ok());
    }
}
