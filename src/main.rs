fn main() {
    hookcheck_web::boot::start();
}
