using Directory.Import;

return await ImportCommandLine.Build().Parse(args).InvokeAsync();
