from .. import NAME
from ..util import helper as h
VALUE = h(NAME)
