//! The little-endian byte format shared by all annals model files: a reader
//! that reports truncation as an error instead of panicking, and a writer.

use crate::NlpError;

pub(crate) struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub fn new(magic: &[u8; 4], version: u32) -> Self {
        let mut w = Writer { buf: Vec::new() };
        w.buf.extend_from_slice(magic);
        w.u32(version);
        w
    }
    pub fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn i16(&mut self, v: i16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.buf.extend_from_slice(s.as_bytes());
    }
    pub fn bytes(&mut self, b: &[u8]) {
        self.u32(b.len() as u32);
        self.buf.extend_from_slice(b);
    }
}

pub(crate) struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    what: &'static str,
}

impl<'a> Reader<'a> {
    /// Check the magic number and version, then read on from there.
    pub fn new(
        data: &'a [u8],
        magic: &[u8; 4],
        version: u32,
        what: &'static str,
    ) -> Result<Self, NlpError> {
        let mut r = Reader { data, pos: 0, what };
        if r.take(4)? != magic {
            return Err(NlpError::bad_model(
                what,
                "wrong magic number (not this kind of model)",
            ));
        }
        let v = r.u32()?;
        if v != version {
            return Err(NlpError::bad_model(
                what,
                format!("format version {v}, this build reads version {version}"),
            ));
        }
        Ok(r)
    }
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], NlpError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.data.len())
            .ok_or_else(|| {
                NlpError::bad_model(self.what, format!("truncated at byte {}", self.pos))
            })?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn arr<const N: usize>(&mut self) -> Result<[u8; N], NlpError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    pub fn u16(&mut self) -> Result<u16, NlpError> {
        Ok(u16::from_le_bytes(self.arr()?))
    }
    pub fn u32(&mut self) -> Result<u32, NlpError> {
        Ok(u32::from_le_bytes(self.arr()?))
    }
    pub fn u64(&mut self) -> Result<u64, NlpError> {
        Ok(u64::from_le_bytes(self.arr()?))
    }
    pub fn f32(&mut self) -> Result<f32, NlpError> {
        Ok(f32::from_le_bytes(self.arr()?))
    }
    pub fn str(&mut self) -> Result<&'a str, NlpError> {
        let n = self.u32()? as usize;
        let at = self.pos;
        std::str::from_utf8(self.take(n)?)
            .map_err(|_| NlpError::bad_model(self.what, format!("invalid UTF-8 at byte {at}")))
    }
    pub fn bytes(&mut self) -> Result<&'a [u8], NlpError> {
        let n = self.u32()? as usize;
        self.take(n)
    }
    pub fn error(&self, message: impl Into<String>) -> NlpError {
        NlpError::bad_model(self.what, message)
    }
}
