import types
for n in ['MappingProxyType', 'WrapperDescriptorType', 'MethodWrapperType', 'MethodDescriptorType', 'ClassMethodDescriptorType', 'GenericAlias', 'UnionType', 'CoroutineType', 'AsyncGeneratorType', 'TracebackType', 'FunctionType', 'BuiltinFunctionType', 'ModuleType']:
    print(n, getattr(types, n).__name__)
C = types.new_class('C', (object,), {}, lambda ns: ns.update(x=1))
print(C.__name__, C.x, types.MappingProxyType({'a': 1})['a'])
print(types.SimpleNamespace(a=1) == types.SimpleNamespace(a=1))
