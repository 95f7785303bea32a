//! Names that the data files and the JSON use, as enums: a name the code does not know
//! does not compile, and a name in a data file that the code does not know is a load
//! error (see `lexicon`, `rulebook`).

/// Declares an enum whose variants each stand for one name in the data files:
/// `ALL` (in declaration order), `COUNT`, `name()` and `from_name()`, and serde by name
/// (a name the enum does not have is an error).
macro_rules! data_names {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = $text:literal,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every name, in declaration order (`x as usize` indexes this).
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
            pub const COUNT: usize = Self::ALL.len();

            /// The name in the data files.
            pub const fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            /// (a search of the names, not a `match` on strings: the same speed for
            /// lists this short, and a fraction of the wasm)
            pub fn from_name(name: &str) -> Option<$name> {
                const NAMES: &[&str] = &[$($text,)*];
                NAMES.iter().position(|n| *n == name).map(|i| Self::ALL[i])
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let name = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                $name::from_name(&name).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "unknown {} {name:?}",
                        stringify!($name)
                    ))
                })
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

pub(crate) use data_names;
