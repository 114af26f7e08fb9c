//! A flat serde record (a struct of text, integers and flags) as CSV
//! cells: one struct is the single field list behind its JSON and its CSV.

use serde::Serialize;

/// The CSV header of a flat serde record: its field names, in order
/// (`T::default()` only stands in for a row).
pub fn csv_header<T: Serialize + Default>() -> Vec<String> {
    flat(&T::default())
        .keys
        .into_iter()
        .map(String::from)
        .collect()
}

/// A flat record's cells in field order, each value as the csv crate writes
/// it: text as is, integers and flags as text, nothing as an empty cell. A
/// struct is thereby the one field list behind its JSON and its CSV.
pub fn csv_cells(v: &impl Serialize) -> Vec<String> {
    flat(v).cells
}

fn flat(v: &impl Serialize) -> Flat {
    let mut f = Flat::default();
    v.serialize(&mut f)
        .expect("a flat record of text, integers and flags");
    f
}

/// The fields of a struct of plain values, collected in order. (The csv
/// crate's own serializer writes cells straight out; these go through
/// `CsvOut::row` first, which neutralises formulas.)
#[derive(Default)]
struct Flat {
    keys: Vec<&'static str>,
    cells: Vec<String>,
}

macro_rules! as_text {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> Result<(), std::fmt::Error> {
            self.cells.push(v.to_string());
            Ok(())
        }
    )*};
}

macro_rules! refused {
    ($($method:ident($($arg:ty),*) -> $ok:ty),*) => {$(
        fn $method(self, $(_: $arg),*) -> Result<$ok, std::fmt::Error> {
            Err(std::fmt::Error)
        }
    )*};
}

impl serde::Serializer for &mut Flat {
    type Ok = ();
    type Error = std::fmt::Error;
    type SerializeSeq = serde::ser::Impossible<(), std::fmt::Error>;
    type SerializeTuple = serde::ser::Impossible<(), std::fmt::Error>;
    type SerializeTupleStruct = serde::ser::Impossible<(), std::fmt::Error>;
    type SerializeTupleVariant = serde::ser::Impossible<(), std::fmt::Error>;
    type SerializeMap = serde::ser::Impossible<(), std::fmt::Error>;
    type SerializeStruct = Self;
    type SerializeStructVariant = serde::ser::Impossible<(), std::fmt::Error>;

    as_text!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_char: char, serialize_str: &str);
    // Floats: the csv crate's shortest form is not `to_string`'s; no record has one.
    refused!(serialize_f32(f32) -> (), serialize_f64(f64) -> (), serialize_bytes(&[u8]) -> (),
        serialize_seq(Option<usize>) -> Self::SerializeSeq,
        serialize_tuple(usize) -> Self::SerializeTuple,
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct,
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant,
        serialize_map(Option<usize>) -> Self::SerializeMap,
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant);

    fn serialize_none(self) -> Result<(), std::fmt::Error> {
        self.serialize_str("")
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Result<(), std::fmt::Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), std::fmt::Error> {
        self.serialize_str("")
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), std::fmt::Error> {
        self.serialize_str("")
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), std::fmt::Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), std::fmt::Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), std::fmt::Error> {
        Err(std::fmt::Error)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, std::fmt::Error> {
        Ok(self)
    }
}

impl serde::ser::SerializeStruct for &mut Flat {
    type Ok = ();
    type Error = std::fmt::Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), std::fmt::Error> {
        self.keys.push(key);
        v.serialize(&mut **self)
    }

    fn end(self) -> Result<(), std::fmt::Error> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flat_record_gives_its_header_and_cells_in_field_order() {
        #[derive(Default, Serialize)]
        struct R {
            b: &'static str,
            a: Option<String>,
            n: i64,
            yes: bool,
        }
        assert_eq!(csv_header::<R>(), ["b", "a", "n", "yes"]);
        let r = R {
            b: "x,y",
            a: None,
            n: -3,
            yes: true,
        };
        assert_eq!(csv_cells(&r), ["x,y", "", "-3", "true"]);
    }
}
