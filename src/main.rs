fn main() {
    hookcheck_web::boot::start::<hookcheck_web::App>("app");
}
