//! A serde `Serializer` that builds Python objects directly: the object `json.loads` would
//! return for the JSON `serde_json` writes of the same value, without the JSON text.
//!
//! It follows `serde_json`'s data model, so the facts keep the contract's shape by
//! construction (the same `Serialize` impls drive both): structs and maps become dicts with
//! their keys in serialization order (skipped fields absent), sequences and tuples lists,
//! `None` and unit `None`, unit variants their name, other enum variants a one-key dict
//! `{variant: value}`, integers `int`, finite floats `float` and non-finite ones `None`.
//!
//! Struct field names and variant names are `&'static str`: each becomes one Python string,
//! made once per conversion and shared by every dict that uses it (its hash computed once),
//! as `json.loads` shares repeated keys.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString};
use serde::ser::{self, Serialize};

/// The Python object of `value`, as `json.loads(serde_json::to_string(value))`.
pub(crate) fn to_py<'py, T: Serialize + ?Sized>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    PyBuilder::new(py).build(value)
}

/// Builds Python objects from serializable values; keeps the names it has made (struct
/// fields, variants), so that one builder used for many values shares them all.
pub(crate) struct PyBuilder<'py> {
    py: Python<'py>,
    names: HashMap<(usize, usize), Bound<'py, PyString>, BuildHasherDefault<AddressHasher>>,
    /// The items of the lists being built, innermost last: one buffer for all of them
    /// rather than a `Vec` per list.
    items: Vec<Bound<'py, PyAny>>,
}

impl<'py> PyBuilder<'py> {
    pub(crate) fn new(py: Python<'py>) -> PyBuilder<'py> {
        // The facts have about 40 distinct names: room for them all from the start.
        PyBuilder { py, names: HashMap::with_capacity_and_hasher(64, Default::default()), items: Vec::new() }
    }

    pub(crate) fn build<T: Serialize + ?Sized>(&mut self, value: &T) -> PyResult<Bound<'py, PyAny>> {
        value.serialize(&mut *self).map_err(|e| {
            self.items.clear(); // the items of the lists the error cut short
            e.0
        })
    }

    /// The Python string of a static name, made on first use. Keyed by the name's address
    /// and length: two equal names at two addresses get two equal strings, which is fine.
    fn name(&mut self, name: &'static str) -> &Bound<'py, PyString> {
        let py = self.py;
        self.names.entry((name.as_ptr() as usize, name.len())).or_insert_with(|| PyString::new(py, name))
    }
}

/// Hashes the (address, length) key of a static name: addresses are distinct and few, so
/// one multiply spreads them well enough (SipHash would cost more than the lookup saves).
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A Python exception raised while building (a failed allocation, or a value the data
/// model cannot represent, such as a map key that is not a string).
#[derive(Debug)]
pub(crate) struct Error(PyErr);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<M: fmt::Display>(msg: M) -> Error {
        Error(PyRuntimeError::new_err(format!("building the facts failed: {msg}")))
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Error {
        Error(e)
    }
}

type Result<T> = std::result::Result<T, Error>;

impl<'a, 'py> ser::Serializer for &'a mut PyBuilder<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = Variant<'py, Seq<'a, 'py>>;
    type SerializeMap = Map<'a, 'py>;
    type SerializeStruct = Struct<'a, 'py>;
    type SerializeStructVariant = Variant<'py, Struct<'a, 'py>>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }

    fn serialize_i8(self, v: i8) -> Result<Self::Ok> {
        self.serialize_i64(v.into())
    }

    fn serialize_i16(self, v: i16) -> Result<Self::Ok> {
        self.serialize_i64(v.into())
    }

    fn serialize_i32(self, v: i32) -> Result<Self::Ok> {
        self.serialize_i64(v.into())
    }

    fn serialize_i64(self, v: i64) -> Result<Self::Ok> {
        Ok(PyInt::new(self.py, v).into_any())
    }

    fn serialize_i128(self, v: i128) -> Result<Self::Ok> {
        let Ok(int) = v.into_pyobject(self.py);
        Ok(int.into_any())
    }

    fn serialize_u8(self, v: u8) -> Result<Self::Ok> {
        self.serialize_u64(v.into())
    }

    fn serialize_u16(self, v: u16) -> Result<Self::Ok> {
        self.serialize_u64(v.into())
    }

    fn serialize_u32(self, v: u32) -> Result<Self::Ok> {
        self.serialize_u64(v.into())
    }

    fn serialize_u64(self, v: u64) -> Result<Self::Ok> {
        Ok(PyInt::new(self.py, v).into_any())
    }

    fn serialize_u128(self, v: u128) -> Result<Self::Ok> {
        let Ok(int) = v.into_pyobject(self.py);
        Ok(int.into_any())
    }

    fn serialize_f32(self, v: f32) -> Result<Self::Ok> {
        self.serialize_f64(v.into())
    }

    /// serde_json writes a non-finite float as `null`.
    fn serialize_f64(self, v: f64) -> Result<Self::Ok> {
        if v.is_finite() {
            Ok(PyFloat::new(self.py, v).into_any())
        } else {
            self.serialize_unit()
        }
    }

    fn serialize_char(self, v: char) -> Result<Self::Ok> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<Self::Ok> {
        Ok(PyString::new(self.py, v).into_any())
    }

    /// serde_json writes bytes as an array of numbers.
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok> {
        Ok(PyList::new(self.py, v)?.into_any())
    }

    fn serialize_none(self) -> Result<Self::Ok> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<Self::Ok> {
        Ok(self.py.None().into_bound(self.py))
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<Self::Ok> {
        Ok(self.name(variant).clone().into_any())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<Self::Ok> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        let value = value.serialize(&mut *self)?;
        let dict = PyDict::new(self.py);
        dict.set_item(self.name(variant), value)?;
        Ok(dict.into_any())
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'a, 'py>> {
        self.items.reserve(len.unwrap_or(0));
        let start = self.items.len();
        Ok(Seq { b: self, start })
    }

    fn serialize_tuple(self, len: usize) -> Result<Seq<'a, 'py>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Seq<'a, 'py>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Variant<'py, Seq<'a, 'py>>> {
        let key = self.name(variant).clone();
        Ok(Variant { key, inner: self.serialize_seq(Some(len))? })
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'a, 'py>> {
        let dict = PyDict::new(self.py);
        Ok(Map { b: self, dict, key: None })
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Struct<'a, 'py>> {
        let dict = PyDict::new(self.py);
        Ok(Struct { b: self, dict })
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Variant<'py, Struct<'a, 'py>>> {
        let key = self.name(variant).clone();
        Ok(Variant { key, inner: self.serialize_struct(variant, len)? })
    }
}

/// A sequence or tuple: a list, made at the end from the items pushed since `start` on
/// the builder's buffer (an element that is itself a list pushes and takes back its own
/// items above them while it is built).
pub(crate) struct Seq<'a, 'py> {
    b: &'a mut PyBuilder<'py>,
    start: usize,
}

impl<'py> Seq<'_, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let item = value.serialize(&mut *self.b)?;
        self.b.items.push(item);
        Ok(())
    }

    fn finish(self) -> Result<Bound<'py, PyAny>> {
        Ok(PyList::new(self.b.py, self.b.items.drain(self.start..))?.into_any())
    }
}

impl<'py> ser::SerializeSeq for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }

    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

impl<'py> ser::SerializeTuple for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }

    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }

    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

/// A struct: a dict of its fields, in order.
pub(crate) struct Struct<'a, 'py> {
    b: &'a mut PyBuilder<'py>,
    dict: Bound<'py, PyDict>,
}

impl<'py> Struct<'_, 'py> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<()> {
        let value = value.serialize(&mut *self.b)?;
        self.dict.set_item(self.b.name(key), value)?;
        Ok(())
    }
}

impl<'py> ser::SerializeStruct for Struct<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<()> {
        self.field(key, value)
    }

    fn end(self) -> Result<Self::Ok> {
        Ok(self.dict.into_any())
    }
}

/// A map: a dict. serde_json writes string keys as they are and integer and bool keys as
/// their decimal or `true`/`false` text; any other key is refused, as it refuses it.
pub(crate) struct Map<'a, 'py> {
    b: &'a mut PyBuilder<'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        let key = key.serialize(&mut *self.b)?;
        let key = if key.is_instance_of::<PyString>() {
            key
        } else if let Ok(b) = key.cast::<PyBool>() {
            PyString::new(self.b.py, if b.is_true() { "true" } else { "false" }).into_any()
        } else if key.is_instance_of::<PyInt>() {
            key.str()?.into_any()
        } else {
            return Err(Error(PyTypeError::new_err(format!("map key must be a string, not {}", crate::type_name(&key)))));
        };
        self.key = Some(key);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let value = value.serialize(&mut *self.b)?;
        let key = self.key.take().ok_or_else(|| <Error as ser::Error>::custom("map value without a key"))?;
        self.dict.set_item(key, value)?;
        Ok(())
    }

    fn end(self) -> Result<Self::Ok> {
        Ok(self.dict.into_any())
    }
}

/// A tuple or struct variant: `{variant: [fields]}` or `{variant: {fields}}`.
pub(crate) struct Variant<'py, Inner> {
    key: Bound<'py, PyString>,
    inner: Inner,
}

impl<'py, Inner> Variant<'py, Inner> {
    fn wrap(key: Bound<'py, PyString>, value: Bound<'py, PyAny>) -> Result<Bound<'py, PyAny>> {
        let dict = PyDict::new(value.py());
        dict.set_item(key, value)?;
        Ok(dict.into_any())
    }
}

impl<'a, 'py> ser::SerializeTupleVariant for Variant<'py, Seq<'a, 'py>> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.inner.push(value)
    }

    fn end(self) -> Result<Self::Ok> {
        Self::wrap(self.key, self.inner.finish()?)
    }
}

impl<'a, 'py> ser::SerializeStructVariant for Variant<'py, Struct<'a, 'py>> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<()> {
        self.inner.field(key, value)
    }

    fn end(self) -> Result<Self::Ok> {
        Self::wrap(self.key, self.inner.dict.into_any())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use pyo3::prelude::*;
    use pyo3::types::PyAnyMethods;
    use serde::Serialize;

    use super::to_py;

    /// `repr` of `to_py(value)` equals `repr` of `json.loads` of serde_json's text: the same
    /// values, types (`True` is not `1`, `1.0` not `1`, a list not a tuple) and key order.
    fn assert_like_json<T: Serialize>(py: Python<'_>, value: &T) {
        let loads = py.import("json").unwrap().getattr("loads").unwrap();
        let want = loads.call1((serde_json::to_string(value).unwrap(),)).unwrap();
        let got = to_py(py, value).unwrap();
        assert_eq!(got.repr().unwrap().to_string(), want.repr().unwrap().to_string());
        assert!(got.eq(&want).unwrap());
    }

    #[derive(Serialize)]
    struct Unit;

    #[derive(Serialize)]
    struct Meters(f64);

    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Shape {
        Nothing,
        InProduction,
        Newtype(u8),
        Tuple(i32, String),
        Struct { x: i64, y: Option<bool> },
    }

    #[derive(Serialize)]
    #[serde(untagged)]
    enum Loose {
        Point(String),
        Range { from: String, to: String },
    }

    #[derive(Serialize)]
    struct All {
        zed: u64,
        alpha: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        kept: Option<String>,
        flag: bool,
        neg: i64,
        big: u128,
        small: i128,
        float: f64,
        whole: f32,
        nan: f64,
        inf: f64,
        letter: char,
        text: String,
        unit: (),
        unit_struct: Unit,
        newtype: Meters,
        tuple: (u8, &'static str, bool),
        nested: Vec<Vec<u32>>,
        empty: Vec<String>,
        shapes: Vec<Shape>,
        loose: Vec<Loose>,
        by_name: BTreeMap<String, u8>,
        by_number: BTreeMap<u32, &'static str>,
        by_flag: BTreeMap<bool, ()>,
    }

    #[test]
    fn follows_serde_json() {
        Python::initialize();
        Python::attach(|py| {
            let all = All {
                zed: u64::MAX,
                alpha: None,
                skipped: None,
                kept: Some("kept".into()),
                flag: true,
                neg: -7,
                big: u128::MAX,
                small: i128::MIN,
                float: 2.5,
                whole: 1.0,
                nan: f64::NAN,
                inf: f64::NEG_INFINITY,
                letter: 'é',
                text: "Sofía Mejía 🎬 \"quoted\"\n\u{0}".into(),
                unit: (),
                unit_struct: Unit,
                newtype: Meters(3.0),
                tuple: (1, "two", false),
                nested: vec![vec![1, 2], vec![], vec![3]],
                empty: vec![],
                shapes: vec![
                    Shape::Nothing,
                    Shape::InProduction,
                    Shape::Newtype(9),
                    Shape::Tuple(-1, "t".into()),
                    Shape::Struct { x: 1, y: None },
                    Shape::Struct { x: 2, y: Some(false) },
                ],
                loose: vec![Loose::Point("2025".into()), Loose::Range { from: "2025-06".into(), to: "2025-07".into() }],
                by_name: [("b".to_string(), 2), ("a".to_string(), 1)].into(),
                by_number: [(10, "ten"), (2, "two")].into(),
                by_flag: [(true, ()), (false, ())].into(),
            };
            assert_like_json(py, &all);
            assert_like_json(py, &Vec::<u8>::new());
            assert_like_json(py, &Option::<u8>::None);
        });
    }

    #[test]
    fn facts_as_json_loads_gives_them() {
        Python::initialize();
        let ex = newsfacts::Extractor::new().unwrap();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/articles");
        let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        Python::attach(|py| {
            for path in paths.iter().take(3) {
                let text = std::fs::read_to_string(path).unwrap();
                assert_like_json(py, &ex.extract(&text));
                assert_like_json(py, &ex.extract_with(&text, &newsfacts::ArticleMeta::published("2025-06-01".parse().unwrap())));
            }
        });
    }
}
